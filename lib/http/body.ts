import { HttpError } from "./errors";

/**
 * Request bodies are bounded before they are read: a declared length over the bound is a
 * 413 at once, and a body without one is read only up to the bound. (The app's HTTP server
 * refuses anything over 1 MiB before Next.js sees it: lib/server/request-gate.ts.)
 */
export const BODY_LIMITS = {
  /** Sign-in forms: an e-mail, a password, a CSRF token and the way back. */
  signIn: 8 * 1024,
  /** The JSON APIs' inputs: a saved query's view, a sync trigger. */
  json: 256 * 1024,
} as const;

export const payloadTooLarge = (limit: number) =>
  new HttpError(413, "payload_too_large", `The request body is larger than this endpoint accepts (${limit.toLocaleString("en")} bytes).`, { limitBytes: limit });

/** True when the request says it carries more than `limit` bytes (checked before any read). */
export function declaresTooMuch(request: Request, limit: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && Number(declared) > limit;
}

/** The whole body, read up to `limit` bytes and no further (the rest is cancelled, then 413). */
export async function readBounded(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return null;
  if (declaresTooMuch(request, limit)) throw payloadTooLarge(limit);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}
