import "server-only";
import { db } from "@/lib/db/client";
import type { EventFilter } from "@/lib/events/filters";
import { resolveActors } from "@/lib/events/resolve-actors";
import { Prisma } from "@/lib/generated/prisma/client";
import { countryCode } from "@/lib/geo/country";
import { mapFilter, SIGN_IN_TYPE } from "./map-subject";
import type { MapSubject } from "./panels";
import { and, dimensionConditions, intervalSql, resolvedInterval, rollupRows, valueRollupServes, type RollupDimension, type Source, type SourceOptions } from "./sources";
import { DAY_MS, splitRange, type Interval } from "./spans";

const sql = Prisma.sql;

export interface CountryCount {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  count: number;
}

export interface CountByCountry {
  subject: MapSubject;
  /** Countries with events, most first (ties by code). */
  rows: CountryCount[];
  /** Events from an address placed in no country: not looked up yet, private, reserved or unknown to the databases. */
  unlocated: number;
  /** Events that carry no address at all (Asana's own, some API calls). */
  noAddress: number;
  total: number;
  source: Source;
}

export interface CountByCountryOptions {
  now?: Date;
  /** False forces a count over audit_event: tests compare both ways. */
  useRollups?: boolean;
}

/**
 * Events (or successful sign-ins) per country of their client address under the overview's
 * filter, with those no country can be given for counted apart. Addresses are placed by
 * ip_location (lib/geo), one row per distinct address, so the events are summed per address:
 * for whole UTC days from the per-value rollup's 'ip' rows (or 'sign_in_ip', the sign-ins')
 * when the filter allows it, as the top addresses are, and from audit_event otherwise and for
 * the partial days at the range's ends. The answer has at most one row per country whatever is stored: a code
 * that is not two capitals is never read out, and one ISO does not know counts as unlocated.
 */
export async function countByCountry(filter: EventFilter, subject: MapSubject, options: CountByCountryOptions = {}): Promise<CountByCountry> {
  const counted = mapFilter(filter, subject);
  if (!counted) return { subject, rows: [], unlocated: 0, noAddress: 0, total: 0, source: "events" };
  const sourceOptions: SourceOptions = { now: options.now ?? new Date(), useRollups: options.useRollups, actorGids: await resolveActors(counted) };
  const { relation, source } = addressCounts(counted, subject, sourceOptions);
  const found = await db().$queryRaw<{ no_address: boolean; country: string | null; count: number }[]>(sql`
    SELECT r.ip IS NULL AS no_address, CASE WHEN l.country ~ '^[A-Z]{2}$' THEN l.country END AS country, sum(r.n)::int AS count
    FROM (${relation}) AS r
    LEFT JOIN ip_location AS l ON l.ip = r.ip
    GROUP BY 1, 2
    HAVING sum(r.n) <> 0`);
  const byCountry = new Map<string, number>();
  let unlocated = 0;
  let noAddress = 0;
  for (const row of found) {
    const code = row.country === null ? null : countryCode(row.country);
    if (row.no_address) noAddress += row.count;
    else if (code === null) unlocated += row.count;
    else byCountry.set(code, (byCountry.get(code) ?? 0) + row.count);
  }
  const rows = [...byCountry].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
  return { subject, rows, unlocated, noAddress, total: rows.reduce((sum, r) => sum + r.count, unlocated + noAddress), source };
}

/**
 * (ip, n): n events from address ip (null: events without one). Over whole days the rollup has
 * no row for events without an address: they are the daily rollup's count of those days less
 * the rollup's count of addresses in them.
 */
function addressCounts(filter: EventFilter, subject: MapSubject, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const interval = resolvedInterval(filter, options.now);
  const conditions = dimensionConditions(filter, options);
  const events = (range: Interval) => sql`SELECT client_ip AS ip, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions])}`;
  const split = splitRange(interval, DAY_MS);
  const rollup = rollupFor(filter, subject, options);
  if (!rollup || !split.rollup) return { relation: events(interval), source: "events" };
  const addresses = Prisma.join(rollupRows(rollup.dimension, split.rollup, dimensionConditions(rollup.filter, options)), " UNION ALL ");
  const days = sql`SELECT count AS n FROM event_rollup_daily WHERE ${and([...intervalSql("day", split.rollup, true), ...conditions])}`;
  const parts = [
    sql`SELECT value::inet AS ip, n FROM whole`,
    sql`SELECT NULL::inet, (SELECT COALESCE(sum(n), 0) FROM (${days}) AS d) - (SELECT COALESCE(sum(n), 0) FROM whole)`,
    ...split.raw.map(events),
  ];
  // Referenced twice, the CTE is read once.
  return { relation: sql`WITH whole AS (${addresses}) ${Prisma.join(parts, " UNION ALL ")}`, source: "rollup" };
}

/**
 * The per-value rollup's rows that count the map's events, and the filter they are read under;
 * null when the rollup cannot say the filter. Sign-ins have rows of their own (the rollup has
 * no event type column): what else the filter asks is read from them.
 */
function rollupFor(filter: EventFilter, subject: MapSubject, options: SourceOptions): { dimension: RollupDimension; filter: EventFilter } | null {
  if (subject === "events") return valueRollupServes(filter, options) ? { dimension: "ip", filter } : null;
  const types = filter.include.eventType;
  const rest = { ...filter, include: { ...filter.include, eventType: [] }, exclude: { ...filter.exclude, eventType: [] } };
  return types.length === 1 && types[0] === SIGN_IN_TYPE && valueRollupServes(rest, options) ? { dimension: "sign_in_ip", filter: rest } : null;
}
