import type { DomainError, DomainErrorKind } from "@/lib/errors";

/**
 * Errors that carry an HTTP status and a message fit for the user. Anything else that
 * reaches the route wrapper is unexpected: logged with context, answered generically.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, "bad_request", message, details);
export const unauthorized = (message = "Sign in to continue.") => new HttpError(401, "unauthorized", message);
export const forbidden = (message = "You are not allowed to do this.") => new HttpError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new HttpError(404, "not_found", message);
export const conflict = (message: string) => new HttpError(409, "conflict", message);

const DOMAIN_STATUS: ReadonlyMap<DomainErrorKind, [number, string]> = new Map([
  ["not_found", [404, "not_found"]],
  ["invalid", [400, "bad_request"]],
  ["conflict", [409, "conflict"]],
]);

/** A domain error as the HTTP answer it stands for. */
export function fromDomainError(error: DomainError): HttpError {
  const [status, code] = DOMAIN_STATUS.get(error.kind) ?? [400, "bad_request"];
  return new HttpError(status, code, error.message, error.details);
}

/** A query PostgreSQL stopped at QUERY_TIMEOUT: what to do about it, not a stack trace. */
export const queryTimedOut = (timeoutMs: number) =>
  new HttpError(
    503,
    "query_timeout",
    `This query ran for more than ${timeoutMs / 1000} s and was stopped, so that it cannot slow the dashboard down for everyone. ` +
      "Narrow it: a shorter time range, or a filter on event type, actor, resource or IP address (free text over a long range is the slowest).",
  );

/** The one error body of the app's API: { error: { code, message, details?, requestId } }. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}
