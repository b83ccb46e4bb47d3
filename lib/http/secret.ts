import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented bearer secret with the configured one in constant time. Both sides
 * are hashed first so that neither the length nor the content leaks through timing.
 */
export function bearerMatches(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) return false;
  const presented = createHash("sha256").update(match[1]!).digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(presented, expected);
}
