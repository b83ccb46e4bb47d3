import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { DomainError } from "@/lib/errors";
import { hashPassword, passwordProblem } from "./password";

/** Admin accounts. Functions take the client so the launcher and the CLI can pass their own. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z.email("expected an e-mail address").max(320, "an e-mail address has at most 320 characters").transform(normalizeEmail);

/** A refused change to the admins, in words for the person who asked. */
export class AdminError extends DomainError {
  constructor(message: string) {
    super("invalid", message);
  }
}

interface AdminChange {
  client?: PrismaClient;
  /** Who asked, when the change goes into the dashboard's audit trail (with it, in one transaction). */
  audit?: AuditContext;
}

const record = (tx: Prisma.TransactionClient, audit: AuditContext | undefined, action: "admin.add" | "admin.remove" | "admin.password", email: string) =>
  audit ? recordAuditEntry({ ...audit, action, target: email }, tx) : Promise.resolve();

export interface AdminSummary {
  email: string;
  name: string | null;
  hasPassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export function findAdmin(email: string, client: Prisma.TransactionClient = db()) {
  return client.adminUser.findUnique({ where: { email: normalizeEmail(email) } });
}

export async function listAdmins(client: PrismaClient = db()): Promise<AdminSummary[]> {
  const rows = await client.adminUser.findMany({ orderBy: { email: "asc" } });
  return rows.map((r) => ({ email: r.email, name: r.name, hasPassword: r.passwordHash !== null, createdAt: r.createdAt, lastSignInAt: r.lastSignInAt }));
}

export async function addAdmin(input: { email: string; name?: string; password: string }, { client = db(), audit }: AdminChange = {}) {
  const email = emailSchema.parse(input.email);
  const problem = passwordProblem(input.password);
  if (problem) throw new AdminError(`Password refused: ${problem}.`);
  if (await findAdmin(email, client)) throw new AdminError(`${email} is already an admin; use \`npm run admin -- passwd ${email}\` to set a new password.`);
  // Hashed first: the transaction holds no lock while argon2 works.
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const admin = await tx.adminUser.create({ data: { email, name: input.name?.trim() || null, passwordHash } });
    await record(tx, audit, "admin.add", email);
    return admin;
  });
}

/** Sets a new password and ends the admin's open sessions, which the old one may have opened. */
export async function setAdminPassword(email: string, password: string, { client = db(), audit }: AdminChange = {}) {
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(`Password refused: ${problem}.`);
  const admin = await findAdmin(email, client);
  if (!admin) throw new AdminError(`${normalizeEmail(email)} is not an admin.`);
  const passwordHash = await hashPassword(password);
  await client.$transaction(async (tx) => {
    await tx.adminUser.update({ where: { id: admin.id }, data: { passwordHash } });
    await tx.adminSession.updateMany({ where: { adminId: admin.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await record(tx, audit, "admin.password", admin.email);
  });
}

/** Removes the admin; their sessions go with the row (ON DELETE CASCADE), so they are out at once. */
export async function removeAdmin(email: string, { client = db(), audit }: AdminChange = {}): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const { count } = await tx.adminUser.deleteMany({ where: { email: normalizeEmail(email) } });
    if (count > 0) await record(tx, audit, "admin.remove", normalizeEmail(email));
    return count > 0;
  });
}

/** The row of a single sign-on admin, made on first sign-in; the IdP stays the judge of the name. */
export function upsertSsoAdmin(email: string, name: string | null | undefined, client: PrismaClient = db()) {
  const normalized = normalizeEmail(email);
  return client.adminUser.upsert({
    where: { email: normalized },
    create: { email: normalized, name: name ?? null, lastSignInAt: new Date() },
    update: { lastSignInAt: new Date(), ...(name ? { name } : {}) },
  });
}
