import { appUrl, env, signInAtAnyHost, type Env } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/origin";

/**
 * Whether sign-in can work where this request was addressed. Outside demo mode (and without
 * AUTH_TRUST_HOST) next-auth signs in only at NEXTAUTH_URL: its cookies and redirects belong
 * to that origin, so a sign-in at another address (the server's IP, 127.0.0.1) used to end
 * back on the sign-in page with no word. It now says which address to use instead.
 */
export type SignInAddress = { ok: true } | { ok: false; use: string; here: string | undefined };

export function signInAddress(headers: Headers, e: Env = env()): SignInAddress {
  if (signInAtAnyHost(e)) return { ok: true };
  const expected = new URL(appUrl(e)).origin;
  const here = addressedOrigin(headers);
  return here === expected ? { ok: true } : { ok: false, use: appUrl(e), here };
}

export function wrongAddressMessage(where: Extract<SignInAddress, { ok: false }>): string {
  return `This dashboard signs in at ${where.use} (NEXTAUTH_URL), not at ${where.here ?? "this address"}: open ${where.use}/login instead.`;
}
