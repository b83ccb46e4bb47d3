import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseStoredInstant } from "@/lib/db/instant";
import { AUDIT_ACTIONS } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

/** The trail's filters and page, as the API and the page both accept them. */
export const auditListInput = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(320).optional().transform((v) => v || undefined),
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || decodeCursor(v) !== undefined, "not a position this API gave (pass back nextCursor as it came, or leave it out for the newest entries)"),
  limit: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
});

export type AuditListInput = z.input<typeof auditListInput>;

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

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

/** The position a cursor of ours names, or undefined for anything we did not write. */
function decodeCursor(cursor: string): { at: Date; id: string } | undefined {
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  const at = parseStoredInstant(iso ?? "");
  if (!at || extra !== undefined || !z.uuid().safeParse(id).success) return undefined;
  return { at, id: id! };
}

/**
 * Entries newest first, paged by keyset on (at, id) so that a page is as fast on the
 * thousandth as on the first and entries written meanwhile never shift it.
 */
export async function listAuditEntries(raw: AuditListInput = {}): Promise<AuditPage> {
  const input = auditListInput.parse(raw);
  const where: Prisma.DashboardAuditEntryWhereInput = {};
  if (input.action) where.action = input.action;
  if (input.actor) where.actorEmail = { contains: input.actor.toLowerCase() };
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after) where.OR = [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }];

  const rows = await db().dashboardAuditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => ({ ...row, at: row.at.toISOString(), details: row.details ?? null })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
