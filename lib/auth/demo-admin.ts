import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generatePassword, hashPassword, verifyPassword } from "./password";

/**
 * Demo mode's sign-in: a session secret and a demo admin, both made once and kept in the
 * data directory (next to the embedded database) so that sessions and the password survive
 * restarts. The password is kept in clear there on purpose: demo mode prints it at every
 * start so whoever started the demo can sign in.
 */
export const DEMO_ADMIN_EMAIL = "demo@example.com";

async function readOrCreate(file: string, make: () => string): Promise<string> {
  if (existsSync(file)) {
    const value = (await readFile(file, "utf8")).trim();
    if (value) return value;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const value = make();
  try {
    await writeFile(file, `${value}\n`, { mode: 0o600, flag: "wx" });
    return value;
  } catch {
    // Another process wrote it first: theirs wins, so both agree.
    return (await readFile(file, "utf8")).trim();
  }
}

export function demoSessionSecret(dataDir: string): Promise<string> {
  return readOrCreate(path.join(dataDir, "nextauth-secret"), () => randomBytes(32).toString("base64url"));
}

/** Makes sure the demo admin exists with the demo password; answers the password to print. */
export async function ensureDemoAdmin(client: PrismaClient, dataDir: string, configured?: string): Promise<{ email: string; password: string }> {
  const password = configured ?? (await readOrCreate(path.join(dataDir, "demo-admin-password"), generatePassword));
  const existing = await client.adminUser.findUnique({ where: { email: DEMO_ADMIN_EMAIL } });
  if (!existing) {
    await client.adminUser.create({ data: { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", passwordHash: await hashPassword(password) } });
  } else if (!existing.passwordHash || !(await verifyPassword(existing.passwordHash, password))) {
    await client.adminUser.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return { email: DEMO_ADMIN_EMAIL, password };
}
