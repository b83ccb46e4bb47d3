/**
 * Errors from talking to Asana. Messages come from Asana's error body or describe the
 * transport failure; request headers (and so the token) never go into them.
 */
export class AsanaApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly phrase?: string,
  ) {
    super(message);
    this.name = "AsanaApiError";
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** Asana refused a pagination offset (expired, or never issued for these filters). */
export class OffsetRejectedError extends AsanaApiError {
  constructor(message: string) {
    super(400, message);
    this.name = "OffsetRejectedError";
  }
}

/** The request did not get a usable answer: timeout, reset, truncated or non-JSON body. */
export class AsanaTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AsanaTransportError";
  }
}

/** Words an admin can act on, for the sync page. */
export function explainAsanaError(error: unknown): string {
  if (error instanceof AsanaApiError) {
    switch (error.status) {
      case 401:
        return `Asana refused the token (401: ${error.message}). Check ASANA_TOKEN: it must be a service account token of an Enterprise domain.`;
      case 402:
        return `Asana says this domain's plan does not include the audit log API (402: ${error.message}).`;
      case 403:
        return `The token may not read this workspace's audit log (403: ${error.message}). Use a service account of this domain.`;
      case 404:
        return `Asana does not know this workspace (404: ${error.message}). Check ASANA_WORKSPACE_GIDS.`;
      case 429:
        return `Asana kept rate-limiting the sync (429) beyond the retry budget; it will go on at the next run.`;
      default:
        if (error.status >= 500) return `Asana had a server error (${error.status}${error.phrase ? `, phrase "${error.phrase}"` : ""}) after every retry; the next run goes on from the cursor.`;
        return `Asana answered ${error.status}: ${error.message}`;
    }
  }
  if (error instanceof AsanaTransportError) return `Could not reach Asana: ${error.message}. The next run goes on from the cursor.`;
  return error instanceof Error ? error.message : String(error);
}
