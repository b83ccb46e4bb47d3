import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env, type Env } from "@/lib/env";
import { normalizeEmail } from "./admins";

/**
 * Brute-force limits on password sign-in, kept in PostgreSQL so that every server process
 * sees the same counts. Failures since the last success are counted per e-mail and per
 * client address over a sliding window: from half the threshold on, each failure adds a
 * growing delay; at the threshold the key is locked for AUTH_LOCKOUT_DURATION after its
 * latest failure. Attempts refused while locked are not counted, so a lock ends on time.
 *
 * An address's lock holds for every e-mail. An e-mail's lock holds only for addresses that
 * failed lately (since their last success, within the window and the lock's duration): an
 * address with no recent failures still has its password checked, as identity providers'
 * "smart lockout" does, so that one address guessing cannot lock every admin out. A wrong
 * guess from such an address is counted, and the lock holds for it from then on.
 */
export interface ThrottleKey {
  email: string;
  ip?: string | null;
}

export interface ThrottleState {
  locked: boolean;
  /** When the lock ends (the later of the two keys' locks). */
  retryAt?: Date;
  /** Milliseconds to hold back the answer to a failed attempt. */
  delayMs: number;
  emailFailures: number;
  ipFailures: number;
}

interface KeyCount {
  failures: Date[];
}

async function recentFailures(client: Prisma.TransactionClient, column: "email" | "ip", value: string, since: Date): Promise<KeyCount> {
  const rows = await client.$queryRawUnsafe<{ at: Date; success: boolean }[]>(
    `SELECT at, success FROM sign_in_attempt WHERE ${column} = $1 AND at > $2 ORDER BY at DESC LIMIT 500`,
    value,
    since,
  );
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.success) break;
    failures.push(row.at);
  }
  return { failures };
}

/** The end of the newest lock among `failures` (newest first), if one is still running. */
export function lockEnd(failures: Date[], threshold: number, windowMs: number, durationMs: number, now: Date): Date | undefined {
  for (let i = 0; i + threshold - 1 < failures.length; i++) {
    const newest = failures[i]!;
    const oldest = failures[i + threshold - 1]!;
    if (newest.getTime() - oldest.getTime() <= windowMs) {
      const end = new Date(newest.getTime() + durationMs);
      return end > now ? end : undefined;
    }
  }
  return undefined;
}

export function failureDelay(failures: number, threshold: number, baseMs: number): number {
  const over = failures - Math.floor(threshold / 2);
  if (over <= 0) return 0;
  return Math.min(baseMs * 2 ** (over - 1), baseMs * 16);
}

export async function throttleState(key: ThrottleKey, client: Prisma.TransactionClient = db(), e: Env = env(), now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - e.AUTH_LOCKOUT_WINDOW - e.AUTH_LOCKOUT_DURATION);
  const [byEmail, byIp] = await Promise.all([
    recentFailures(client, "email", normalizeEmail(key.email), since),
    key.ip ? recentFailures(client, "ip", key.ip, since) : Promise.resolve({ failures: [] }),
  ]);
  const inWindow = (f: Date[]) => f.filter((at) => now.getTime() - at.getTime() <= e.AUTH_LOCKOUT_WINDOW).length;
  // No address known: the e-mail's lock holds, as for an address that failed.
  const freshAddress = !!key.ip && byIp.failures.length === 0;
  const ends = [
    freshAddress ? undefined : lockEnd(byEmail.failures, e.AUTH_LOCKOUT_THRESHOLD, e.AUTH_LOCKOUT_WINDOW, e.AUTH_LOCKOUT_DURATION, now),
    lockEnd(byIp.failures, e.AUTH_LOCKOUT_IP_THRESHOLD, e.AUTH_LOCKOUT_WINDOW, e.AUTH_LOCKOUT_DURATION, now),
  ].filter((d): d is Date => d !== undefined);
  const emailFailures = inWindow(byEmail.failures);
  const ipFailures = inWindow(byIp.failures);
  return {
    locked: ends.length > 0,
    retryAt: ends.length > 0 ? new Date(Math.max(...ends.map((d) => d.getTime()))) : undefined,
    delayMs: Math.max(
      failureDelay(emailFailures, e.AUTH_LOCKOUT_THRESHOLD, e.AUTH_FAILURE_DELAY),
      failureDelay(ipFailures, e.AUTH_LOCKOUT_IP_THRESHOLD, e.AUTH_FAILURE_DELAY),
    ),
    emailFailures,
    ipFailures,
  };
}

export async function recordAttempt(key: ThrottleKey, success: boolean, client: Prisma.TransactionClient = db(), e: Env = env()): Promise<void> {
  await client.signInAttempt.create({ data: { email: normalizeEmail(key.email), ip: key.ip ?? null, success } });
  if (success) {
    // Sign-ins are rare: pruning here keeps the table to the rows the limits still read.
    const before = new Date(Date.now() - e.AUTH_LOCKOUT_WINDOW - e.AUTH_LOCKOUT_DURATION);
    await client.signInAttempt.deleteMany({ where: { at: { lt: before } } });
  }
}

export function minutesUntil(at: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}
