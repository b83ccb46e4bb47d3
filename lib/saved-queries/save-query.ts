import "server-only";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import type { SavedQuery } from "@/lib/generated/prisma/client";
import { searchToSave } from "./freeze";
import { newSavedQueryId } from "./ids";
import { createSavedQueryInput, updateSavedQueryInput, type CreateSavedQueryInput, type SavedQueryView, type TimeMode, type UpdateSavedQueryInput } from "./schema";

/**
 * Saved queries are the team's: any admin may change any of them. Each change and its entry
 * in the dashboard's audit trail (who changed whose query, and what it was) commit together.
 */
export function toView(row: SavedQuery): SavedQueryView {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    search: row.search,
    timeMode: row.timeMode === "absolute" ? "absolute" : "relative",
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
  };
}

/** What a change to a saved query keeps in the audit trail: whose it is, and what it was. */
function changeDetails(before: SavedQueryView, actor: string | null, fields: readonly (keyof SavedQueryView)[]) {
  return { owner: before.createdBy, byOwner: before.createdBy === actor, before: Object.fromEntries(fields.map((f) => [f, before[f]])) };
}

const gone = (already = false) => notFoundError(`That saved query does not exist (it may have been deleted${already ? " already" : ""}).`);

export async function createSavedQuery(raw: CreateSavedQueryInput, by: AuditContext & { actor: string }): Promise<SavedQueryView> {
  const input = createSavedQueryInput.parse(raw);
  return db().$transaction(async (tx) => {
    const saved = toView(
      await tx.savedQuery.create({
        data: { id: newSavedQueryId(), name: input.name, note: input.note, search: searchToSave(input.search, input.timeMode), timeMode: input.timeMode, createdBy: by.actor },
      }),
    );
    await recordAuditEntry({ ...by, action: "saved_query.create", target: saved.id, details: { name: saved.name, timeMode: saved.timeMode, search: saved.search } }, tx);
    return saved;
  });
}

/** Renames, edits the note, or replaces the view; a new time mode re-freezes the range. */
export async function updateSavedQuery(id: string, raw: UpdateSavedQueryInput, by: AuditContext): Promise<SavedQueryView> {
  const input = updateSavedQueryInput.parse(raw);
  return db().$transaction(async (tx) => {
    const current = await tx.savedQuery.findUnique({ where: { id } });
    if (!current) throw gone();
    const before = toView(current);
    const timeMode: TimeMode = input.timeMode ?? before.timeMode;
    const search = input.search !== undefined || input.timeMode !== undefined ? searchToSave(input.search ?? current.search, timeMode) : undefined;
    const saved = toView(await tx.savedQuery.update({ where: { id }, data: { name: input.name, note: input.note === undefined ? undefined : input.note, search, timeMode } }));
    const changed = (Object.keys(input) as Array<keyof typeof input>).filter((k) => input[k] !== undefined);
    await recordAuditEntry({ ...by, action: "saved_query.update", target: id, details: { changed, name: saved.name, ...changeDetails(before, by.actor, changed) } }, tx);
    return saved;
  });
}

export async function deleteSavedQuery(id: string, by: AuditContext): Promise<SavedQueryView> {
  return db().$transaction(async (tx) => {
    const row = await tx.savedQuery.findUnique({ where: { id } });
    if (!row) throw gone(true);
    await tx.savedQuery.delete({ where: { id } });
    const saved = toView(row);
    await recordAuditEntry({ ...by, action: "saved_query.delete", target: id, details: { name: saved.name, search: saved.search, ...changeDetails(saved, by.actor, ["name", "note", "search", "timeMode"]) } }, tx);
    return saved;
  });
}
