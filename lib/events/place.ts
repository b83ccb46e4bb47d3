import { countryCode, countryName } from "@/lib/geo/country";
import type { Place } from "@/lib/geo/place";
import { knownPoint } from "@/lib/geo/travel";

/**
 * Where an event's address is, as the explorer's rows and the event's page carry it: the
 * answers' Place (a country ISO knows, else none), with the coordinates the event's detail
 * shows and the whole length of each text a list cut. A row with no country, region or city is
 * an address the databases do not place (private, documentation or unlisted ranges): "unknown
 * location", said so.
 */
export interface EventPlace extends Place {
  latitude: number | null;
  longitude: number | null;
  /** The whole length of each text a list answer cut, by field; absent when nothing was. */
  cut?: Partial<Record<PlaceText, number>>;
}

export const PLACE_TEXTS = ["region", "city", "org"] as const;
export type PlaceText = (typeof PLACE_TEXTS)[number];

const textOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * The place as the database built it (a JSON object, or null when the address has no row),
 * checked field by field: a country ISO does not know, coordinates stored as NaN or past the
 * poles, or anything else the row should not hold, reads as unknown rather than breaking a page.
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
  const country = textOrNull(own("country"));
  const point = knownPoint(own("latitude"), own("longitude"));
  const asn = own("asn");
  return {
    country: country === null ? null : countryCode(country),
    region: textOrNull(own("region")),
    city: textOrNull(own("city")),
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    located: point !== null,
    asn: typeof asn === "number" && Number.isSafeInteger(asn) ? asn : null,
    org: textOrNull(own("org")),
    hosting: own("hosting") === true,
    ...(Object.keys(cut).length > 0 ? { cut } : {}),
  };
}

/** The country's name, or null when the place has no country. */
export const placeCountry = (place: EventPlace): string | null => (place.country === null ? null : countryName(place.country));

/** True when the databases said where the address is (a country, region or city at least). */
export const isPlaced = (place: EventPlace | null | undefined): place is EventPlace => Boolean(place && (place.country !== null || place.region !== null || place.city !== null));

/** "AS16509 Amazon.com, Inc.", for tooltips and labels; null when the network is not known. */
export function networkText(place: EventPlace): string | null {
  if (place.asn === null && place.org === null) return null;
  return [place.asn !== null ? `AS${place.asn}` : null, place.org].filter((p) => p !== null).join(" ");
}
