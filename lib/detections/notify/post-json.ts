import { visibleText } from "@/lib/format/visible-text";
import type { SendOutcome } from "./channel-schema";

/** Every send gives up after this long: a receiver that hangs holds nothing for longer. */
export const SEND_TIMEOUT_MS = 10_000;

/** How much of a refusing receiver's answer is read and kept, to say why it refused. */
const ANSWER_BYTES = 1_024;

async function readHead(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString("utf8");
}

/** Why a request failed, in words, naming no address (a webhook's path is its secret). */
export function networkError(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" && /^[A-Z0-9_]{2,40}$/.test(cause.code) ? cause.code : undefined;
  return code ? `could not reach the receiver (${code})` : "could not reach the receiver";
}

/**
 * POSTs a JSON body and says how it went: any 2xx is success; a redirect is not followed (it
 * could lead the secret-bearing request elsewhere) and counts as a failure, like any other
 * status, which is kept with the start of the receiver's answer.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "asana-audit-dashboard", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const status = response.status;
    if (status >= 200 && status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: true, status, error: null, durationMs: took() };
    }
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, status, error: `the receiver answered with a redirect (HTTP ${status}), which is not followed: enter the final address`, durationMs: took() };
    }
    const answer = visibleText((await readHead(response).catch(() => "")).trim(), 200);
    return { ok: false, status, error: `the receiver answered HTTP ${status}${answer ? `: ${answer}` : ""}`, durationMs: took() };
  } catch (error) {
    return { ok: false, status: null, error: networkError(error, timeoutMs), durationMs: took() };
  }
}
