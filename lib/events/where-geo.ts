import { Prisma } from "@/lib/generated/prisma/client";
import type { GeoDimension } from "./geo-values";
import { likePattern, wildcardPattern } from "./query-expr";

const sql = Prisma.sql;

/** The ip_location rows a dimension's values name; a wildcard value is a pattern over the column. */
function locationMatch(dimension: GeoDimension, values: string[], wildcard: boolean): Prisma.Sql {
  const pattern = wildcardPattern(values[0]!);
  switch (dimension) {
    case "country":
      if (wildcard) return sql`country LIKE ${pattern.toUpperCase()}`;
      return values.length === 1 ? sql`country = ${values[0]}` : sql`country = ANY(${values}::text[])`;
    case "asn":
      // bigint: a 32-bit ASN past 2^31 is a valid value that int4 cannot hold.
      if (wildcard) return sql`asn::text LIKE ${pattern}`;
      return values.length === 1 ? sql`asn = ${values[0]}::bigint` : sql`asn = ANY(${values}::bigint[])`;
    case "asOrg":
      // As names are matched elsewhere: part of the name, in any case.
      if (wildcard) return sql`as_org ILIKE ${pattern}`;
      return Prisma.join(
        values.map((v) => sql`as_org ILIKE ${likePattern(v)}`),
        " OR ",
      );
    case "hosting":
      return values.length === 1 ? sql`hosting = ${values[0] === "true"}` : sql`hosting = ANY(${values.map((v) => v === "true")}::boolean[])`;
  }
}

/**
 * Events whose address's location matches, through ip_location (a row per distinct address, a
 * few per thousand events). As a semi-join the planner weighs the match's share of the events:
 * a common country is found reading the time index newest first. `byAddress` reads the
 * matching addresses' own (client_ip, created_at) index instead, all their events, which is
 * what a rare country needs (the planner, costing random reads as if from disk, would rather
 * read tens of thousands of events in time order; geo-plan.ts decides).
 */
export function geoMatch(dimension: GeoDimension, values: string[], { wildcard = false, byAddress = false } = {}): Prisma.Sql {
  const addresses = sql`SELECT ip FROM ip_location WHERE ${locationMatch(dimension, values, wildcard)}`;
  return byAddress ? sql`client_ip = ANY(ARRAY(${addresses}))` : sql`client_ip IN (${addresses})`;
}
