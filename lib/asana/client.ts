import type { Logger } from "pino";
import { AsanaApiError, AsanaTransportError, OffsetRejectedError } from "./errors";
import { RateLimiter, sleep as realSleep, type RequestBudget } from "./rate-limiter";
import { asanaErrorBodySchema, auditLogPageSchema } from "./schemas";

/**
 * A typed client of Asana's audit log endpoint: bearer auth, a timeout on every request,
 * 429 answered by waiting Retry-After, 5xx and network errors retried with exponential
 * backoff and full jitter, then a clear error. Pages of any size are accepted.
 */
export interface AuditLogQuery {
  start_at?: string;
  end_at?: string;
  event_type?: string;
  actor_type?: string;
  actor_gid?: string;
  resource_gid?: string;
  limit?: number;
  offset?: string;
}

export interface PageResult {
  /** Raw records, checked one by one by the caller. */
  data: unknown[];
  /** The answer's body as received, so that events can be stored byte for byte. */
  text: string;
  nextOffset: string | null;
  /** What it took: retries after errors, 429 waits and the time spent waiting. */
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

export interface AsanaClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  limiter?: RequestBudget;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export class AsanaClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly limiter: RequestBudget;
  // Kept in a closure-like private field so that it never shows up when the client is logged.
  readonly #token: string;

  constructor(private readonly options: AsanaClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 8;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.sleep = options.sleep ?? realSleep;
    this.limiter = options.limiter ?? new RateLimiter({ perMinute: 1500 });
  }

  toJSON() {
    return { baseUrl: this.baseUrl };
  }

  async getAuditLogEvents(workspaceGid: string, query: AuditLogQuery, signal?: AbortSignal): Promise<PageResult> {
    const url = new URL(`${this.baseUrl}/workspaces/${encodeURIComponent(workspaceGid)}/audit_log_events`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    const result: PageResult = { data: [], text: "", nextOffset: null, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };

    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      await this.limiter.acquire();
      try {
        const page = await this.request(url, query.offset !== undefined, signal);
        result.data = page.body.data;
        result.text = page.text;
        result.nextOffset = page.body.next_page?.offset ?? null;
        return result;
      } catch (error) {
        if (signal?.aborted) throw error;
        const retryable = error instanceof AsanaTransportError || (error instanceof AsanaApiError && error.retryable);
        if (!retryable || attempt >= this.maxRetries) throw error;
        let waitMs: number;
        if (error instanceof RateLimitedError) {
          waitMs = error.retryAfterMs;
          this.limiter.pause(waitMs);
          result.rateLimitWaits++;
          result.rateLimitWaitMs += waitMs;
        } else {
          waitMs = Math.random() * Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt);
          result.retries++;
        }
        this.options.logger?.warn({ workspaceGid, attempt, waitMs: Math.round(waitMs), err: { name: (error as Error).name, message: (error as Error).message } }, "Asana request failed; retrying");
        await this.sleep(waitMs);
      }
    }
  }

  private async request(url: URL, sentOffset: boolean, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.#token}`, accept: "application/json" },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = timeout.aborted ? `no answer within ${this.timeoutMs} ms` : describeNetworkError(error);
      throw new AsanaTransportError(reason);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AsanaTransportError(`the answer (${response.status}, ${text.length} bytes) was not complete JSON`);
    }
    if (!response.ok) throw toApiError(response, body, sentOffset);
    const page = auditLogPageSchema.safeParse(body);
    if (!page.success) throw new AsanaTransportError(`the answer did not have Asana's page shape: ${page.error.issues[0]?.message}`);
    return { body: page.data, text };
  }
}

class RateLimitedError extends AsanaApiError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(429, message);
  }
}

function toApiError(response: Response, body: unknown, sentOffset: boolean): AsanaApiError {
  const parsed = asanaErrorBodySchema.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  const message = first?.message ?? `HTTP ${response.status}`;
  if (response.status === 429) {
    const header = response.headers.get("retry-after");
    const seconds = header === null || header.trim() === "" ? NaN : Number(header);
    // Without a usable Retry-After, wait long enough for a minute-based budget to recover.
    return new RateLimitedError(message, (Number.isFinite(seconds) && seconds >= 0 ? seconds : 30) * 1000);
  }
  if (response.status === 400 && sentOffset && /offset|pagination/i.test(message)) return new OffsetRejectedError(message);
  return new AsanaApiError(response.status, message, first?.phrase);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ? `network error ${cause.code}` : (cause?.message ?? (error as Error)?.message ?? "network error");
}
