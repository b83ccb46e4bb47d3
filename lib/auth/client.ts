import { signIn, signOut as nextAuthSignOut } from "next-auth/react";

/**
 * The browser's side of sign-in and sign-out: the only client code that knows next-auth.
 * Password sign-in talks to next-auth's endpoints itself (rather than through `signIn`) so
 * that the brute-force 429 and its message reach the form.
 */
export type PasswordSignInResult =
  | { ok: true; url: string }
  | { ok: false; kind: "invalid" | "locked" | "error"; message: string };

const INVALID = "That e-mail and password do not match an admin account.";

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { headers: { accept: "application/json" }, cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error("no CSRF token");
  return body.csrfToken;
}

export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<PasswordSignInResult> {
  try {
    const response = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ email, password, callbackUrl, csrfToken: await csrfToken(), json: "true" }),
      cache: "no-store",
    });
    const body = (await response.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
    if (response.status === 429) return { ok: false, kind: "locked", message: body.error?.message ?? "Too many failed attempts, try again later." };
    const error = body.url ? new URL(body.url, window.location.origin).searchParams.get("error") : "unknown";
    if (response.ok && !error && body.url) return { ok: true, url: body.url };
    if (error === "CredentialsSignin") return { ok: false, kind: "invalid", message: INVALID };
    return { ok: false, kind: "error", message: body.error?.message ?? "Sign-in failed. Try again in a moment." };
  } catch {
    return { ok: false, kind: "error", message: "The dashboard could not be reached. Check your connection and try again." };
  }
}

/** Leaves for the identity provider; it brings the admin back to `callbackUrl`. */
export function signInWithSso(providerId: string, callbackUrl: string): Promise<unknown> {
  return signIn(providerId, { callbackUrl });
}

export function signOut(): Promise<unknown> {
  return nextAuthSignOut({ callbackUrl: "/login?signedOut=1" });
}
