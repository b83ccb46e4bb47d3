import "server-only";
import { db } from "@/lib/db/client";
import type { SavedQueryView } from "./schema";
import { toView } from "./save-query";

/** Every saved query, newest first: a team keeps dozens, not thousands. */
export async function listSavedQueries(): Promise<SavedQueryView[]> {
  const rows = await db().savedQuery.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1_000 });
  return rows.map(toView);
}

export async function getSavedQuery(id: string): Promise<SavedQueryView | null> {
  const row = await db().savedQuery.findUnique({ where: { id } });
  return row ? toView(row) : null;
}

/** The saved view's search string for /q/<id>, noting that it was opened; null when there is none. */
export async function openSavedQuery(id: string): Promise<string | null> {
  const rows = await db().savedQuery.updateManyAndReturn({ where: { id }, data: { lastOpenedAt: new Date() }, select: { search: true } });
  return rows[0]?.search ?? null;
}
