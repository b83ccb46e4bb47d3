import { isServer, QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";

/** One way to make a QueryClient, on the server (per request) and in the browser (once). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above 0 so data prefetched on the server is not refetched at once on hydration.
        staleTime: 30_000,
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

/** An error answer from the app's own API, with the message it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** GET a JSON resource of the app's API, passing the abort signal through. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string; code?: string; details?: unknown } } | undefined;
    throw new ApiError(response.status, body?.error?.message ?? `Request failed (${response.status})`, body?.error?.code, body?.error?.details);
  }
  return (await response.json()) as T;
}
