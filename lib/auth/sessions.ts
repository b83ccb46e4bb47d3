import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { env, oidcSettings, type Env } from "@/lib/env";
import { isAllowedSsoEmail } from "./allow-list";

/**
 * The session registry. A session cookie is only good while its row says so: not signed out,
 * not past its absolute expiry (next-auth's own cookie expiry rolls forward with use), the
 * admin still there and, for single sign-on, still on the allow-list.
 */
export interface AdminIdentity {
  sessionId: string;
  adminId: string;
  email: string;
  name: string | null;
  provider: string;
}

export async function openSession(
  input: { adminId: string; provider: string; ip?: string | null; userAgent?: string | null },
  e: Env = env(),
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + e.AUTH_SESSION_MAX_AGE);
  await db().adminSession.create({ data: { id, adminId: input.adminId, provider: input.provider, expiresAt, ip: input.ip ?? null, userAgent: input.userAgent ?? null } });
  // Sign-ins are rare: a good moment to drop rows that can no longer let anyone in.
  await db().adminSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  return { id, expiresAt };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().adminSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function validateSession(sessionId: unknown, e: Env = env()): Promise<AdminIdentity | null> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  const row = await db().adminSession.findUnique({ where: { id: sessionId }, include: { admin: true } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (row.provider === "oidc" && (!oidcSettings(e) || !isAllowedSsoEmail(row.admin.email, e))) return null;
  return { sessionId: row.id, adminId: row.adminId, email: row.admin.email, name: row.admin.name, provider: row.provider };
}
