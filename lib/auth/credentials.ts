import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordAuditEntry } from "@/lib/audit-trail/record";
import { clientAddress } from "@/lib/http/client-ip";
import { emailSchema, findAdmin } from "./admins";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { throttleState, recordAttempt } from "./throttle";

/** What next-auth's authorize throws when a key is locked; the auth route turns it into a 429. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

type HeaderRecord = Record<string, string | string[] | undefined>;

export interface PasswordUser {
  id: string;
  email: string;
  name: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password under the brute-force limits. The check, the password
 * verification and the count of the attempt run under a per-e-mail advisory lock, so that
 * parallel guesses are counted one by one and cannot all slip in before the lock.
 */
export async function authorizePassword(credentials: Record<string, unknown> | undefined, headers: HeaderRecord): Promise<PasswordUser | null> {
  const parsed = emailSchema.safeParse(credentials?.email);
  const password = typeof credentials?.password === "string" ? credentials.password : "";
  if (!parsed.success || !password) return null;
  const email = parsed.data;
  const ip = clientAddress(headers) ?? null;

  const outcome = await db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const state = await throttleState({ email, ip }, tx);
      if (state.locked) return { kind: "locked" as const };
      const admin = await findAdmin(email, tx);
      const ok = admin?.passwordHash ? await verifyPassword(admin.passwordHash, password) : await verifyAgainstDecoy(password);
      await recordAttempt({ email, ip }, ok, tx);
      if (!ok || !admin) return { kind: "failed" as const, reason: !admin ? "unknown_email" : admin.passwordHash ? "wrong_password" : "no_password" };
      await tx.adminUser.update({ where: { id: admin.id }, data: { lastSignInAt: new Date() } });
      return { kind: "ok" as const, user: { id: admin.id, email: admin.email, name: admin.name } };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );

  if (outcome.kind === "locked") {
    await recordAuditEntry({ actor: email, action: "sign_in.locked", request: headers, details: { provider: "credentials" } });
    throw new Error(TOO_MANY_ATTEMPTS);
  }
  if (outcome.kind === "failed") {
    await recordAuditEntry({ actor: email, action: "sign_in.failure", request: headers, details: { provider: "credentials", reason: outcome.reason } }).catch((err: unknown) =>
      log.error({ err }, "could not record a failed sign-in in the audit trail"),
    );
    const after = await throttleState({ email, ip });
    // Held back after the lock is released: slows the next guess without blocking others.
    await sleep(after.delayMs);
    return null;
  }
  return outcome.user;
}
