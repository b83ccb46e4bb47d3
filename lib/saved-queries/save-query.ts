import "server-only";
import { db } from "@/lib/db/client";
import type { SavedQuery } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import { searchToSave } from "./freeze";
import { newSavedQueryId } from "./ids";
import { createSavedQueryInput, updateSavedQueryInput, type CreateSavedQueryInput, type SavedQueryView, type TimeMode, type UpdateSavedQueryInput } from "./schema";

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

export async function createSavedQuery(raw: CreateSavedQueryInput, createdBy: string): Promise<SavedQueryView> {
  const input = createSavedQueryInput.parse(raw);
  const row = await db().savedQuery.create({
    data: { id: newSavedQueryId(), name: input.name, note: input.note, search: searchToSave(input.search, input.timeMode), timeMode: input.timeMode, createdBy },
  });
  return toView(row);
}

/** Renames, edits the note, or replaces the view; a new time mode re-freezes the range. */
export async function updateSavedQuery(id: string, raw: UpdateSavedQueryInput): Promise<SavedQueryView> {
  const input = updateSavedQueryInput.parse(raw);
  const current = await db().savedQuery.findUnique({ where: { id } });
  if (!current) throw notFound("That saved query does not exist (it may have been deleted).");
  const timeMode: TimeMode = input.timeMode ?? (current.timeMode === "absolute" ? "absolute" : "relative");
  const search = input.search !== undefined || input.timeMode !== undefined ? searchToSave(input.search ?? current.search, timeMode) : undefined;
  const row = await db().savedQuery.update({
    where: { id },
    data: { name: input.name, note: input.note === undefined ? undefined : input.note, search, timeMode },
  });
  return toView(row);
}

export async function deleteSavedQuery(id: string): Promise<SavedQueryView> {
  const row = await db().savedQuery.findUnique({ where: { id } });
  if (!row) throw notFound("That saved query does not exist (it may have been deleted already).");
  await db().savedQuery.delete({ where: { id } });
  return toView(row);
}
