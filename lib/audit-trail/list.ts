import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeAuditCursor, encodeAuditCursor } from "./cursor";
import { AUDIT_PAGE_SIZE, type AuditListInput } from "./search-params";

export interface AuditEntryView {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Entries newest first, paged by keyset on (at, id) so that a page is as fast on the
 * thousandth as on the first and entries written meanwhile never shift it.
 */
export async function listAuditEntries(input: Partial<AuditListInput> = {}): Promise<AuditPage> {
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const where: Prisma.DashboardAuditEntryWhereInput = {};
  if (input.action) where.action = input.action;
  if (input.actor) where.actorEmail = { contains: input.actor.toLowerCase() };
  const after = input.cursor ? decodeAuditCursor(input.cursor) : undefined;
  if (after) where.OR = [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }];

  const rows = await db().dashboardAuditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => ({ ...row, at: row.at.toISOString(), details: row.details ?? null })),
    nextCursor: rows.length > limit && last ? encodeAuditCursor(last.at, last.id) : null,
  };
}
