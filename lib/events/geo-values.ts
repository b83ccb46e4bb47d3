import { countryCode } from "@/lib/geo/country";

/**
 * Where an event's address is, as filter dimensions: the country, the network's number and
 * organisation, and whether the network is a hosting provider's. Each is a property of the
 * client address, answered by its ip_location row (where-geo.ts), so an event without an
 * address, or one whose address has no location, has none of them: "not in DE" keeps it,
 * as "not from 10.0.0.0/8" keeps an event without an address.
 */
export const GEO_DIMENSIONS = ["country", "asn", "asOrg", "hosting"] as const;
export type GeoDimension = (typeof GEO_DIMENSIONS)[number];

export const isGeoDimension = (dimension: string): dimension is GeoDimension => (GEO_DIMENSIONS as readonly string[]).includes(dimension);

export const HOSTING_VALUES = ["true", "false"] as const;

export const GEO_SPECS = {
  country: { key: "country", label: "Country", hint: "a country code (ISO 3166-1), e.g. DE" },
  asn: { key: "asn", label: "Network", hint: "a network's number (ASN), e.g. 16509 or AS16509" },
  asOrg: { key: "org", label: "Network owner", hint: "part of a network's organisation, e.g. Amazon" },
  hosting: { key: "hosting", label: "Hosting provider", hint: "true (a hosting or cloud provider's network) or false" },
} as const satisfies Record<GeoDimension, { key: string; label: string; hint: string }>;

/** AS numbers are 32 bits (RFC 6793). */
const MAX_ASN = 4_294_967_295;

/**
 * A value as the filter keeps it: `de` is DE, `AS16509` is 16509, `TRUE` is true. What is not
 * recognised is left as typed, for the check to name it.
 */
export function normaliseGeoValue(dimension: string, value: string): string {
  if (dimension === "country") return countryCode(value) ?? value;
  if (dimension === "asn") return /^AS\d+$/i.test(value) ? value.slice(2) : value;
  if (dimension === "hosting") return value.toLowerCase();
  return value;
}

export const GEO_CHECKS: Record<GeoDimension, (value: string) => string | null> = {
  country: (value) => (countryCode(value) ? null : `"${value}" is not a country code; use two letters of ISO 3166-1, e.g. DE, US, JP`),
  asn: (value) => (/^\d{1,10}$/.test(value) && Number(value) <= MAX_ASN ? null : `"${value}" is not a network number; use an ASN such as 16509 (or AS16509)`),
  asOrg: () => null,
  hosting: (value) => ((HOSTING_VALUES as readonly string[]).includes(value) ? null : `"${value}" is not allowed for hosting; use true or false`),
};

/** How `hosting:` values read on chips and facets. */
export const HOSTING_LABELS: ReadonlyMap<string, string> = new Map([
  ["true", "yes"],
  ["false", "no"],
]);
