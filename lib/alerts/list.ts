import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALERT_COLUMNS, ALERT_FROM, toAlertRow, type AlertRecord, type AlertRow } from "./alert-row";
import { decodeAlertCursor, encodeAlertCursor } from "./cursor";
import { ALERT_PAGE_SIZE, type AlertFilters, type AlertListInput } from "./search-params";
import { ALERT_RANGE_MS } from "./vocabulary";

const sql = Prisma.sql;

export interface AlertPage {
  alerts: AlertRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The conditions of the inbox's filters over `alert a`. Status and time ride the indexes on
 * (status, last_at, id) and (last_at, id); severity, rule and actor are checked on the rows
 * those indexes yield, newest first, which stops as soon as a page is full.
 */
function alertConditions(filters: Partial<AlertFilters>, now: Date, actorKeys: readonly string[] = filters.actor ? [filters.actor] : []): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status && filters.status !== "all") conditions.push(sql`a.status = ${filters.status}`);
  if (filters.severity?.length) conditions.push(sql`a.severity = ANY(${filters.severity}::text[])`);
  if (filters.rule) conditions.push(sql`a.rule_id = ${filters.rule}`);
  if (filters.actor) conditions.push(sql`a.actor_key = ANY(${actorKeys}::text[])`);
  if (filters.range) conditions.push(sql`a.last_at >= ${new Date(now.getTime() - ALERT_RANGE_MS[filters.range])}`);
  return conditions;
}

/**
 * The actor keys an actor filter names: the key itself as links give it (a user's gid), and,
 * for an e-mail as an admin types it, the keys of the actors with that address. Looked up
 * first in the small actor table, so that the planner sees the keys themselves: a subquery in
 * the alert's condition made it walk the whole list in order (200 ms at 100,000 alerts).
 */
export async function actorKeysOf(actor: string): Promise<string[]> {
  if (!actor.includes("@")) return [actor];
  const rows = await db().$queryRaw<{ key: string }[]>`SELECT key FROM actor WHERE lower(email) = ${actor.toLowerCase()}`;
  return [actor, ...rows.map((r) => r.key)];
}

const whereOf = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, " AND ") : sql`TRUE`);

/**
 * Alerts newest last event first, paged by keyset on (last_at, id) so that a page is as fast
 * deep in the list as at its top, and alerts raised meanwhile never shift it. The row
 * comparison reads the index from the cursor on, where an OR of the two columns would read it
 * from the top and throw the rows away.
 */
export async function listAlerts(input: Partial<AlertListInput> = {}, now = new Date()): Promise<AlertPage> {
  const limit = input.limit ?? ALERT_PAGE_SIZE;
  const conditions = alertConditions({ ...input, status: input.status ?? "open" }, now, input.actor ? await actorKeysOf(input.actor) : []);
  const after = input.cursor ? decodeAlertCursor(input.cursor) : undefined;
  if (after) conditions.push(sql`(a.last_at, a.id) < (${after.lastAt}::timestamptz, ${after.id}::bigint)`);
  const rows = await db().$queryRaw<AlertRecord[]>`
    SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM}
    WHERE ${whereOf(conditions)}
    ORDER BY a.last_at DESC, a.id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    alerts: page.map(toAlertRow),
    nextCursor: rows.length > limit && last ? encodeAlertCursor(last.last_at, last.id) : null,
  };
}
