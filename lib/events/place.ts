import { countryCode, countryName } from "@/lib/geo/country";

/**
 * Where an event's address is: its ip_location row, as the explorer's rows and the event's
 * page carry it. A row with no country is an address the databases do not place (private,
 * documentation or unlisted ranges): "unknown location", said so.
 */
export interface EventPlace {
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  asn: number | null;
  asOrg: string | null;
  hosting: boolean;
  /** The whole length of each text a list answer cut, by field; absent when nothing was. */
  cut?: Partial<Record<PlaceText, number>>;
}

export const PLACE_TEXTS = ["country", "region", "city", "asOrg"] as const;
export type PlaceText = (typeof PLACE_TEXTS)[number];

const textOrNull = (value: unknown) => (typeof value === "string" ? value : null);
const finiteOrNull = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * The place as the database built it (a JSON object, or null when the address has no row),
 * checked field by field: a coordinate stored as NaN, or anything else the row should not
 * hold, reads as unknown rather than breaking a page.
 */
export function toPlace(value: unknown): EventPlace | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const row = value as Record<string, unknown>;
  const own = (key: string) => (Object.hasOwn(row, key) ? row[key] : undefined);
  const cutRow = own("cut");
  const cut: Partial<Record<PlaceText, number>> = {};
  if (cutRow && typeof cutRow === "object") {
    for (const field of PLACE_TEXTS) {
      const length = Object.hasOwn(cutRow, field) ? (cutRow as Record<string, unknown>)[field] : undefined;
      if (typeof length === "number") cut[field] = length;
    }
  }
  const asn = finiteOrNull(own("asn"));
  return {
    country: textOrNull(own("country")),
    region: textOrNull(own("region")),
    city: textOrNull(own("city")),
    latitude: finiteOrNull(own("latitude")),
    longitude: finiteOrNull(own("longitude")),
    asn: asn !== null && Number.isInteger(asn) ? asn : null,
    asOrg: textOrNull(own("asOrg")),
    hosting: own("hosting") === true,
    ...(Object.keys(cut).length > 0 ? { cut } : {}),
  };
}

/** The country's name for a known code; otherwise the stored value as it is (shown through DataText). */
export function placeCountry(place: EventPlace): string | null {
  if (place.country === null) return null;
  const code = countryCode(place.country);
  return code ? countryName(code) : place.country;
}

/** True when the databases placed the address (a country at least). */
export const isPlaced = (place: EventPlace | null | undefined): place is EventPlace => Boolean(place && place.country !== null);

/** "AS16509 Amazon.com, Inc.", for tooltips and labels; null when the network is not known. */
export function networkText(place: EventPlace): string | null {
  if (place.asn === null && place.asOrg === null) return null;
  return [place.asn !== null ? `AS${place.asn}` : null, place.asOrg].filter((p) => p !== null).join(" ");
}
