import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { clientAddress, userAgentOf } from "@/lib/http/client-ip";
import type { AuditAction } from "./actions";

/** Who acted and from where, for a domain function that records its own entry. */
export type AuditContext = Pick<AuditEntryInput, "actor" | "request" | "details">;

/** The plain client, or the transaction of the change the entry records. */
export type AuditWriter = Pick<Prisma.TransactionClient, "dashboardAuditEntry">;

export interface AuditEntryInput {
  /** The admin's e-mail, or null when no admin acted (the sync secret, the command line). */
  actor: string | null;
  action: AuditAction;
  /** What was acted on, e.g. a saved query's id or an export's filter summary. */
  target?: string | null;
  /** Where the request came from; without it, the current request's headers are used. */
  request?: Request | Headers | Record<string, string | string[] | undefined>;
  /** Small, JSON-safe facts about the action. Never secrets or passwords. */
  details?: Record<string, unknown>;
}

async function currentRequestHeaders(): Promise<Headers | undefined> {
  try {
    const { headers } = await import("next/headers");
    return new Headers(await headers());
  } catch {
    // Outside a request (a script, a test): there is no "from where".
    return undefined;
  }
}

/**
 * Records one entry of the dashboard's own audit trail. A change to the dashboard's data (a
 * saved query, an admin) passes its transaction, so that the change and its entry commit
 * together or not at all. It throws when the entry cannot be written, so that an action which
 * must be audited (an export, say) fails with it rather than happening unrecorded; callers
 * for which that is wrong catch it.
 */
export async function recordAuditEntry(input: AuditEntryInput, client: AuditWriter = db()): Promise<void> {
  const source = input.request instanceof Request ? input.request.headers : (input.request ?? (await currentRequestHeaders()));
  await client.dashboardAuditEntry.create({
    data: {
      actorEmail: input.actor?.toLowerCase() ?? null,
      action: input.action,
      target: input.target ?? null,
      ip: source ? (clientAddress(source) ?? null) : null,
      userAgent: source ? (userAgentOf(source) ?? null) : null,
      details: input.details === undefined ? Prisma.DbNull : (input.details as Prisma.InputJsonObject),
    },
  });
}
