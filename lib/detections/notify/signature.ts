import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The signature of a webhook delivery, in the header `X-Audit-Dashboard-Signature`:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the channel's signing key>`.
 * A receiver recomputes it over the raw body it got and refuses a timestamp older than five
 * minutes, so that a captured request cannot be replayed later (the README shows how).
 */
export const SIGNATURE_HEADER = "X-Audit-Dashboard-Signature";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new signing key: 32 random bytes, prefixed so that it is recognisable where it is pasted. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header's value for `body` sent at `now`. */
export function signatureHeader(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "mismatch" | "expired" };

/**
 * Whether `header` signs `rawBody` with `secret`, at a time within `toleranceSeconds` of `now`.
 * Several v1= values are accepted (one of them must match), so that a receiver keeps working
 * while a key is rotated.
 */
export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | null | undefined,
  { now = new Date(), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS }: { now?: Date; toleranceSeconds?: number } = {},
): SignatureCheck {
  if (!header || header.length > 1_000) return { ok: false, reason: "malformed" };
  const pairs = header.split(",").map((part) => part.trim().split("=", 2) as [string, string | undefined]);
  const t = pairs.find(([k]) => k === "t")?.[1];
  const signatures = pairs.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v!);
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t);
  const expected = Buffer.from(hmac(secret, timestamp, rawBody), "hex");
  if (!signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected))) return { ok: false, reason: "mismatch" };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: "expired" };
  return { ok: true, timestamp };
}
