import countries from "i18n-iso-countries";

/**
 * Countries as the app names them: ISO 3166-1 alpha-2 codes, upper case. Shared by the
 * server (filters, enrichment) and the browser (labels, the map), so it holds no Node.js.
 */
const CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** "de" or "DE" → "DE"; anything that is not a known code ("ZZ", "__proto__", 200,000 characters) → null. */
export function countryCode(value: string): string | null {
  if (value.length !== 2) return null;
  const code = value.toUpperCase();
  return CODES.has(code) ? code : null;
}

const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** "DE" → "Germany"; a code the browser's data lacks stays the code. */
export function countryName(code: string): string {
  const known = countryCode(code);
  if (!known) return code.slice(0, 2);
  try {
    return names.of(known) ?? known;
  } catch {
    return known;
  }
}

/**
 * world-atlas features carry ISO 3166-1 numeric ids ("276"), or none where the status is
 * disputed (Kosovo, Northern Cyprus, Somaliland): those are matched by name instead.
 */
const UNNUMBERED: ReadonlyMap<string, string> = new Map([["Kosovo", "XK"]]);
export function mapFeatureCountry(id: string | number | undefined, name: string | undefined): string | null {
  if (id !== undefined) return countries.numericToAlpha2(String(id)) ?? null;
  return name !== undefined ? (UNNUMBERED.get(name) ?? null) : null;
}

/** Every known code, sorted: the query bar's suggestions. */
export const COUNTRY_CODES: readonly string[] = [...CODES].sort();
