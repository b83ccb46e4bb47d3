import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Offset tokens shaped like Asana's: an HS256 JWT (Asana's own decode to
 * {"border_rank": ..., "iat": ..., "exp": ...}). Ours carry the stream position, a hash of the
 * filters they were issued for, and the issue time in ms, signed so that a client can neither
 * forge one nor reuse one under other filters.
 */
interface OffsetPayload {
  pos: number;
  fh: string;
  iat: number;
}

export type OffsetCheck = { ok: true; pos: number } | { ok: false; reason: "invalid" | "expired" };

const HEADER = Buffer.from(JSON.stringify({ typ: "JWT", alg: "HS256" })).toString("base64url");

export class OffsetCodec {
  constructor(private readonly secret: string) {}

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }

  issue(pos: number, filterHash: string, nowMs: number): string {
    const payload: OffsetPayload = { pos, fh: filterHash, iat: nowMs };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
    return `${body}.${this.sign(body)}`;
  }

  check(token: string, filterHash: string, nowMs: number, ttlMs: number, maxPos: number): OffsetCheck {
    const parts = token.split(".");
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: "invalid" };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2] as string);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
    let payload: OffsetPayload;
    try {
      payload = JSON.parse(Buffer.from(parts[1] as string, "base64url").toString("utf8")) as OffsetPayload;
    } catch {
      return { ok: false, reason: "invalid" };
    }
    if (payload.fh !== filterHash || !Number.isInteger(payload.pos) || payload.pos < 0 || payload.pos > maxPos) {
      return { ok: false, reason: "invalid" };
    }
    if (nowMs - payload.iat > ttlMs) return { ok: false, reason: "expired" };
    return { ok: true, pos: payload.pos };
  }
}
