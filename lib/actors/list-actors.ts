import "server-only";
import { db } from "@/lib/db/client";
import { LIST_TEXT_MAX } from "@/lib/events/event-row";
import { likePattern } from "@/lib/events/query-expr";
import { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS } from "@/lib/stats/spans";
import { ACTOR_PAGE_SIZE, SPARKLINE_DAYS, type ActorSort } from "./params";
import type { ActorListInput } from "./search-params";

export interface ActorListRow {
  /** Who they are in links and filters: the gid for users, else type and e-mail or name (actor_key()). */
  key: string;
  /** Asana's gid: users only. */
  gid: string | null;
  actorType: string;
  name: string | null;
  email: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  /** Events per UTC day, oldest first, the last being today. */
  activity: number[];
}

export interface ActorList {
  rows: ActorListRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The first day of the sparklines (UTC). */
  since: string;
}

const ORDER: Record<ActorSort, Prisma.Sql> = {
  last_seen: Prisma.sql`last_seen DESC, key`,
  first_seen: Prisma.sql`first_seen DESC, key`,
  events: Prisma.sql`event_count DESC, key`,
  name: Prisma.sql`lower(COALESCE(name, email, key)), key`,
};

/**
 * Everyone who appears in the log as an actor, from the small actor table the sync keeps
 * (so search by name, e-mail or key never scans events: a key names actors without a gid, e.g.
 * Asana itself, which have no name to find them by). A page is a few dozen rows: OFFSET over
 * this table costs nothing worth a keyset. Sparklines come from the monthly rollup's days.
 */
export async function listActors(input: ActorListInput, now = new Date()): Promise<ActorList> {
  const conditions: Prisma.Sql[] = [];
  const q = input.q.trim();
  if (q) conditions.push(/^\d+$/.test(q) ? Prisma.sql`key = ${q}` : Prisma.sql`(key ILIKE ${likePattern(q)} OR name ILIKE ${likePattern(q)} OR email ILIKE ${likePattern(q)})`);
  if (input.type) conditions.push(Prisma.sql`actor_type = ${input.type}`);
  const where = conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const page = Math.max(1, input.page);

  const [rows, [total]] = await Promise.all([
    db().$queryRaw<Array<{ key: string; gid: string | null; actor_type: string; name: string | null; email: string | null; first_seen: Date; last_seen: Date; event_count: number }>>`
      SELECT key, gid, left(actor_type, ${LIST_TEXT_MAX}) AS actor_type, left(name, ${LIST_TEXT_MAX}) AS name, left(email, ${LIST_TEXT_MAX}) AS email,
        first_seen, last_seen, event_count FROM actor
      WHERE ${where} ORDER BY ${q ? Prisma.sql`(key = ${q}) DESC, ` : Prisma.empty}${ORDER[input.sort]} LIMIT ${ACTOR_PAGE_SIZE} OFFSET ${(page - 1) * ACTOR_PAGE_SIZE}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM actor WHERE ${where}`,
  ]);

  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const since = new Date(today - (SPARKLINE_DAYS - 1) * DAY_MS);
  const activity = new Map<string, number[]>(rows.map((r) => [r.key, Array.from({ length: SPARKLINE_DAYS }, () => 0)]));
  if (rows.length > 0) {
    const days = await db().$queryRaw<{ value: string; day: Date; n: number }[]>`
      SELECT value, (month + (d.i - 1)::int) AS day, sum(d.n)::int AS n
      FROM event_value_rollup_monthly CROSS JOIN LATERAL unnest(days) WITH ORDINALITY AS d(n, i)
      WHERE dimension = 'actor' AND month >= ${`${since.toISOString().slice(0, 8)}01`}::date AND value = ANY(${rows.map((r) => r.key)}::text[]) AND d.n <> 0
      GROUP BY 1, 2`;
    for (const d of days) {
      const index = Math.round((d.day.getTime() - since.getTime()) / DAY_MS);
      const series = activity.get(d.value);
      if (series && index >= 0 && index < SPARKLINE_DAYS) series[index] = d.n;
    }
  }
  return {
    page,
    pageSize: ACTOR_PAGE_SIZE,
    total: total?.n ?? 0,
    since: since.toISOString(),
    rows: rows.map((r) => ({
      key: r.key,
      gid: r.gid,
      actorType: r.actor_type,
      name: r.name,
      email: r.email,
      firstSeen: r.first_seen.toISOString(),
      lastSeen: r.last_seen.toISOString(),
      eventCount: r.event_count,
      activity: activity.get(r.key)!,
    })),
  };
}
