/**
 * What the domain (saved queries, admins, the sync) says went wrong, in words fit for the
 * user, without knowing it will travel over HTTP: the route wrapper (lib/http/route.ts) maps
 * each kind to its status; a command line prints the message.
 */
export type DomainErrorKind = "not_found" | "invalid" | "conflict";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFoundError = (message: string) => new DomainError("not_found", message);
export const invalidError = (message: string, details?: unknown) => new DomainError("invalid", message, details);
export const conflictError = (message: string) => new DomainError("conflict", message);
