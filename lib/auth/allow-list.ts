import { env, type Env } from "@/lib/env";
import { normalizeEmail } from "./admins";

/**
 * Who may come in through single sign-on: an address on ADMIN_EMAILS or one at a domain on
 * ADMIN_EMAIL_DOMAINS. The IdP proves who someone is; this list decides who is an admin.
 * Sub-domains do not match, so `company.com` does not let in `evil.company.com`.
 */
export function isAllowedSsoEmail(email: string | null | undefined, e: Env = env()): boolean {
  if (!email) return false;
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf("@");
  if (at < 1) return false;
  if (e.ADMIN_EMAILS.includes(normalized)) return true;
  return e.ADMIN_EMAIL_DOMAINS.includes(normalized.slice(at + 1));
}
