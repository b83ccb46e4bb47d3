import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { LIST_TEXT_MAX } from "./event-row";

/**
 * The facet panel's dimensions, and the one GROUPING SETS pass that counts several of them
 * over a relation (the events, or a rollup), each cut to its top values in the database.
 * count-facets.ts decides which relation serves which dimensions.
 */

/** The dimensions the facet panel counts, and the column each counts by. */
export const FACET_DIMENSIONS = ["eventType", "category", "actorType", "actor", "resourceType", "contextType", "authMethod", "oauthApp", "ip", "country", "asn"] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export const FACET_COLUMN: Record<FacetDimension, string> = {
  eventType: "event_type",
  category: "event_category",
  actorType: "actor_type",
  actor: "actor_key",
  resourceType: "resource_type",
  contextType: "context_type",
  authMethod: "auth_method",
  oauthApp: "oauth_app_name",
  // Grouped as inet and printed once per group: host() on every row costs a fifth of the pass.
  ip: "client_ip",
  // Columns of the address's location, joined in (facet-places.ts).
  country: "geo_country",
  asn: "geo_asn",
};

/** Long tails (actors, addresses, apps) are cut to their top values; closed lists are shown whole. */
export const TOP: Record<FacetDimension, number> = { eventType: 200, category: 50, actorType: 20, actor: 10, resourceType: 50, contextType: 20, authMethod: 20, oauthApp: 10, ip: 10, country: 15, asn: 10 };

export interface FacetValue {
  /** Cut at LIST_TEXT_MAX characters (`cut` then says so). */
  value: string;
  count: number;
  cut?: boolean;
  /** For event types, their category; for actors, their name or e-mail. */
  label?: string | null;
  category?: string | null;
}

export type Counts = Map<FacetDimension, FacetValue[]>;
export type Named = (d: FacetDimension) => Set<string>;

/** What a GROUPING SETS pass reads: the events themselves, or a rollup's relation with a count `n` per row. */
export interface Relation {
  from: Prisma.Sql;
  /** The count of a group: count(*) over events, sum(n) over a rollup. */
  count: "count(*)" | "sum(n)";
  /** Whether client_ip is an inet (events) rather than text. */
  inet: boolean;
}

const groupedColumns = (dimensions: FacetDimension[]) => [...new Set(dimensions.flatMap((d) => (d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]])))];

/**
 * One pass counting every dimension: (c<i>, x<i>, g<i> per column, n) rows, a grouping set per
 * dimension, each cut to its top values (and the values the filter names) in the database: an
 * address or actor set has thousands of groups, and carrying them all to the server cost more
 * than counting them.
 */
export function groupingSetsQuery(dimensions: FacetDimension[], relation: Relation, named: Named): Prisma.Sql {
  // Event types are grouped with their category so the panel can nest them.
  const sets = dimensions.map((d) => (d === "eventType" ? `(event_type, event_category)` : `(${FACET_COLUMN[d]})`));
  const columns = groupedColumns(dimensions);
  // Grouped by whole values, answered cut: a value of 200,000 characters is a few hundred here.
  const ip = relation.inet ? "host(client_ip)" : "client_ip";
  const select = columns.map((c, i) => `${c === "client_ip" ? ip : `left(${c}, ${LIST_TEXT_MAX})`} AS c${i}, ${c === "client_ip" ? "false" : `length(${c}) > ${LIST_TEXT_MAX}`} AS x${i}, GROUPING(${c}) AS g${i}`).join(", ");
  // Each set's rows are told apart by which columns are rolled up (GROUPING = 1).
  const own = (d: FacetDimension) => (d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]]);
  const ofSet = (d: FacetDimension) => columns.map((c, i) => `g${i} = ${own(d).includes(c) ? 0 : 1}`).join(" AND ");
  const value = (d: FacetDimension) => `c${columns.indexOf(own(d)[0]!)}`;
  const perSet = dimensions.map((d) => {
    const names = [...named(d)];
    // One more than the list: the set's missing value (NULL, or "" in a rollup) is a group too, dropped below.
    const top = Prisma.sql`(SELECT * FROM grouped WHERE ${Prisma.raw(ofSet(d))} ORDER BY n DESC, ${Prisma.raw(value(d))} LIMIT ${TOP[d] + 1})`;
    return names.length === 0 ? top : Prisma.sql`(${top} UNION (SELECT * FROM grouped WHERE ${Prisma.raw(ofSet(d))} AND ${Prisma.raw(value(d))} = ANY(${names}::text[])))`;
  });
  return Prisma.sql`
    WITH grouped AS MATERIALIZED (
      SELECT ${Prisma.raw(select)}, ${Prisma.raw(relation.count)}::int AS n
      FROM ${relation.from}
      GROUP BY GROUPING SETS (${Prisma.raw(sets.join(", "))})
    )
    ${Prisma.join(perSet, " UNION ALL ")}`;
}

export async function groupingSets(dimensions: FacetDimension[], relation: Relation, named: Named): Promise<Counts> {
  return groupingSetsCounts(dimensions, await db().$queryRaw<(Record<string, unknown> & { n: number })[]>(groupingSetsQuery(dimensions, relation, named)), named);
}

export function groupingSetsCounts(dimensions: FacetDimension[], rows: Array<Record<string, unknown> & { n: number }>, named: Named): Counts {
  const columns = groupedColumns(dimensions);
  const index = (column: string) => columns.indexOf(column);
  const out: Counts = new Map(dimensions.map((d) => [d, []]));
  for (const row of rows) {
    // The set a row belongs to is the one whose columns are not rolled up (GROUPING = 0).
    const dimension = dimensions.find((d) => {
      const own = d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]];
      return columns.every((c) => (row[`g${index(c)}`] === 0) === own.includes(c));
    });
    if (!dimension) continue;
    const column = index(dimension === "eventType" ? "event_type" : FACET_COLUMN[dimension]);
    const value = row[`c${column}`];
    // The rollups keep a missing value as "", the events as NULL: neither is a value to list.
    if (value === null || value === undefined || value === "") continue;
    const entry: FacetValue = { value: String(value), count: row.n, ...(row[`x${column}`] === true ? { cut: true } : {}) };
    if (dimension === "eventType") entry.category = (row[`c${index("event_category")}`] as string | null) || null;
    out.get(dimension)!.push(entry);
  }
  return topValues(out, named);
}

export function topValues(counts: Counts, named: Named): Counts {
  for (const [d, values] of counts) {
    const keep = named(d);
    counts.set(d, values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).filter((v, i) => i < TOP[d] || keep.has(v.value)));
  }
  return counts;
}
