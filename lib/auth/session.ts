import { decode } from "next-auth/jwt";
import { appUrl, authSecret } from "@/lib/env";
import { validateSession, type AdminIdentity } from "./sessions";

export type { AdminIdentity };

/** What both NextRequest#cookies and next/headers' cookies() offer. */
export interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): Array<{ name: string; value: string }>;
}

/** next-auth's session cookie: `__Secure-` prefixed (and Secure) when served over HTTPS. */
export function sessionCookieName(): string {
  return `${appUrl().startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/** The session token, joined from next-auth's `.0`, `.1`… chunks when it was split. */
function readToken(cookies: CookieReader): string | undefined {
  const name = sessionCookieName();
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

export function hasSessionCookie(cookies: CookieReader): boolean {
  return readToken(cookies) !== undefined;
}

/**
 * The signed-in admin of a request, or null. The one session check of the app: the route
 * wrapper, the dashboard layout and proxy.ts all call it.
 */
export async function adminFromCookies(cookies: CookieReader): Promise<AdminIdentity | null> {
  const token = readToken(cookies);
  if (!token) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    // A token from another secret, tampered with or expired: the same as none.
    return null;
  }
  return validateSession(payload?.sid);
}

/** The signed-in admin of the request being rendered (server components, server actions). */
export async function currentAdmin(): Promise<AdminIdentity | null> {
  const { cookies } = await import("next/headers");
  return adminFromCookies(await cookies());
}
