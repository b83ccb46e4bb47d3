import { DIMENSION_SPECS, DIMENSIONS, type Dimension } from "./filters";

/**
 * The field names the query bar reads. Each dimension has its short key (the canonical one,
 * as in the URL) and the names people bring from Asana's API (`event_type`, `actor.email`,
 * `context.client_ip_address`) and from Datadog (`@evt.name`, `@usr.email`,
 * `@network.client.ip`). Names are read case-insensitively, and a leading `@` (Datadog's mark
 * of an attribute) is optional on every one of them.
 */
export type TimeKey = "since" | "from" | "to";
export type FieldTarget = { dimension: Dimension } | { time: TimeKey };

const DIMENSION_ALIASES: Record<Dimension, readonly string[]> = {
  eventType: ["event_type", "evt.name", "event.type", "event"],
  category: ["event_category", "evt.category", "event.category"],
  actorType: ["actor.actor_type", "actor.type", "usr.type"],
  actor: ["actor.gid", "actor_gid", "actor.email", "actor.name", "usr.email", "usr.name", "usr.id", "user"],
  resourceType: ["resource.resource_type", "resource.type"],
  resource: ["resource.gid", "resource_gid", "resource.name", "resource.email"],
  ip: ["client_ip", "client_ip_address", "context.client_ip_address", "network.client.ip"],
  country: ["country_code", "geo.country", "network.client.geoip.country.iso_code"],
  asn: ["as", "as_number", "as.number"],
  asOrg: ["as_org", "as.name", "organisation", "organization", "network.client.geoip.as.name"],
  hosting: ["hosting_provider"],
  contextType: ["context_type", "context.context_type"],
  authMethod: ["auth_method", "api_authentication_method", "context.api_authentication_method"],
  oauthApp: ["oauth_app", "oauth_app_name", "context.oauth_app_name"],
  text: [],
};

const FIELDS: ReadonlyMap<string, FieldTarget> = new Map<string, FieldTarget>([
  ...DIMENSIONS.flatMap((d) => [DIMENSION_SPECS[d].key, ...DIMENSION_ALIASES[d]].map((name) => [name, { dimension: d }] as [string, FieldTarget])),
  ["since", { time: "since" }],
  ["range", { time: "since" }],
  ["from", { time: "from" }],
  ["to", { time: "to" }],
]);

/** What a field name means, or undefined. */
export function fieldTarget(name: string): FieldTarget | undefined {
  return FIELDS.get(name.toLowerCase().replace(/^@/, ""));
}

/** Every accepted name of a dimension, its key first: help text and autocomplete. */
export function fieldNames(dimension: Dimension): string[] {
  return [DIMENSION_SPECS[dimension].key, ...DIMENSION_ALIASES[dimension]];
}

export const ALL_FIELD_NAMES: readonly string[] = [...FIELDS.keys()];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest field names to a mistyped one, for "did you mean": a few, nearest first. */
export function suggestFields(name: string): string[] {
  const wanted = name.toLowerCase().replace(/^@/, "").slice(0, 40);
  const tail = wanted.split(".").pop() ?? wanted;
  return ALL_FIELD_NAMES.map((f) => ({ f, d: Math.min(distance(wanted, f), distance(tail, f.split(".").pop() ?? f) + 1) }))
    .filter(({ f, d }) => d <= Math.max(2, Math.floor(wanted.length / 3)) || (wanted.length >= 3 && f.includes(wanted)))
    .sort((a, b) => a.d - b.d || a.f.length - b.f.length)
    .slice(0, 3)
    .map(({ f }) => f);
}
