import { readFile } from "node:fs/promises";
import { Reader, type Response } from "maxmind";
import { log } from "@/lib/log";
import { parseAddress, type Address } from "./address";
import { loadAsnTable, type AsnTable } from "./asn-table";
import { cleanName } from "./clean-text";
import { countryCode } from "./country";
import { GEO_FILES, type GeoFiles } from "./databases";
import { hostingProvider } from "./hosting";
import { searchTree, type SearchTree } from "./search-tree";

/** Where an address is, as ip_location stores it. Every field null (and hosting false): unknown. */
export interface AddressLocation {
  readonly country: string | null;
  readonly region: string | null;
  readonly city: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly asn: number | null;
  readonly asOrg: string | null;
  readonly hosting: boolean;
}

export const UNKNOWN_LOCATION: AddressLocation = Object.freeze({ country: null, region: null, city: null, latitude: null, longitude: null, asn: null, asOrg: null, hosting: false });

export interface Locator {
  locate(ip: string): AddressLocation;
  locateAddress(address: Address): AddressLocation;
}

const PLACE_MAX = 100;

/** A record's own field: the decoder builds plain objects, and a hostile file could name a key "__proto__". */
function field(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** Degrees to four decimals (11 m: the databases are city-level); (0, 0) is the databases' "no idea". */
function coordinates(record: Response): { latitude: number | null; longitude: number | null } {
  const lat = field(record, "latitude"), lon = field(record, "longitude");
  if (typeof lat !== "number" || typeof lon !== "number" || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || (lat === 0 && lon === 0)) return { latitude: null, longitude: null };
  return { latitude: Math.round(lat * 1e4) / 1e4, longitude: Math.round(lon * 1e4) / 1e4 };
}

type Place = Pick<AddressLocation, "country" | "region" | "city" | "latitude" | "longitude">;
const NOWHERE: Place = Object.freeze({ country: null, region: null, city: null, latitude: null, longitude: null });

/** A city record as the app stores it. */
function place(record: Response | null): Place {
  if (record === null || typeof record !== "object") return NOWHERE;
  const country = field(record, "country_code");
  return {
    country: typeof country === "string" ? countryCode(country) : null,
    region: cleanName(field(record, "state1"), PLACE_MAX),
    city: cleanName(field(record, "city"), PLACE_MAX),
    ...coordinates(record),
  };
}

/**
 * Places remembered per file, by record: a bound on memory (some 15 MB) whatever the addresses
 * are. An organisation meets a few hundred cities; the IPv4 file holds 425,000 records.
 */
const PLACES_MAX = 100_000;

/**
 * One city database: its search tree walked by our own loop, and each record decoded by
 * maxmind and cleaned once, then found by its data pointer. Many addresses share a record
 * (every address of a city), so most first sightings of an address cost a walk and a Map
 * lookup, not a decode.
 */
interface CityFile {
  reader: Reader<Response>;
  tree: SearchTree;
  places: Map<number, Place>;
}

function cityPlace(file: CityFile, pointer: number, text: string): Place {
  if (pointer === 0) return NOWHERE;
  let known = file.places.get(pointer);
  if (known === undefined) {
    let record: Response | null;
    try {
      record = file.reader.get(text);
    } catch {
      // A damaged tree throws on the addresses that reach the damage: those stay unknown.
      record = null;
    }
    known = place(record);
    if (file.places.size >= PLACES_MAX) file.places.clear();
    file.places.set(pointer, known);
  }
  return known;
}

function makeLocator(cityV4: CityFile, cityV6: CityFile, asns: AsnTable): Locator {
  const locateAddress = (address: Address): AddressLocation => {
    if (address.special) return UNKNOWN_LOCATION;
    const { lookup } = address;
    const found =
      lookup.version === 4
        ? cityPlace(cityV4, cityV4.tree.v4(lookup.value), lookup.text)
        : cityPlace(cityV6, cityV6.tree.v6(lookup.words), lookup.text);
    const network = lookup.version === 4 ? asns.v4(lookup.value) : asns.v6(lookup.words);
    if (found === NOWHERE && network === null) return UNKNOWN_LOCATION;
    const { country, region, city, latitude, longitude } = found;
    const asn = network?.asn ?? null;
    return { country, region, city, latitude, longitude, asn, asOrg: network?.org ?? null, hosting: hostingProvider(asn) !== null };
  };
  return {
    locateAddress,
    locate: (ip) => {
      const address = typeof ip === "string" ? parseAddress(ip) : null;
      return address ? locateAddress(address) : UNKNOWN_LOCATION;
    },
  };
}

async function openCity(path: string, version: 4 | 6): Promise<CityFile> {
  const bytes = await readFile(path);
  const reader = new Reader<Response>(bytes);
  if (reader.metadata.ipVersion !== version || !/city/i.test(String(reader.metadata.databaseType))) {
    throw new Error(`${path} is not an IPv${version} city database (${String(reader.metadata.databaseType).slice(0, 80)})`);
  }
  return { reader, tree: searchTree(bytes, reader.metadata), places: new Map() };
}

/** Opens the databases; throws when any of them is missing or unreadable. */
export async function loadLocator(files: GeoFiles): Promise<Locator> {
  const [cityV4, cityV6, asns] = await Promise.all([openCity(files.cityV4, 4), openCity(files.cityV6, 6), loadAsnTable(files.asnV4, files.asnV6)]);
  return makeLocator(cityV4, cityV6, asns);
}

/**
 * The process's locator, loaded on first use and shared (on globalThis: Next.js bundles this
 * module into more than one chunk, and the databases take some 150 MB). A database that is
 * missing or corrupt is logged once, and the answer is then null for the process's life: the
 * app locates nothing rather than fail anything.
 */
interface SharedGeo {
  files: GeoFiles;
  locator?: Promise<Locator | null>;
}
const globalForGeo = globalThis as unknown as { __auditGeo?: SharedGeo };

export function sharedLocator(): Promise<Locator | null> {
  const state: SharedGeo = (globalForGeo.__auditGeo ??= { files: GEO_FILES });
  state.locator ??= loadShared(state.files);
  return state.locator;
}

async function loadShared(files: GeoFiles): Promise<Locator | null> {
  const started = performance.now();
  try {
    const locator = await loadLocator(files);
    log.info({ ms: Math.round(performance.now() - started), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) }, "location databases loaded");
    return locator;
  } catch (error) {
    log.error({ err: error, files }, "the location databases could not be loaded: every address stays without a location");
    return null;
  }
}

/** Points the shared locator at other files, loaded on next use (tests: a damaged database). */
export function setGeoFiles(files: GeoFiles): void {
  globalForGeo.__auditGeo = { files };
}

/** Where the address is; "unknown" (every field null) for special ranges, unlisted addresses, or no databases. */
export async function locate(ip: string): Promise<AddressLocation> {
  return (await sharedLocator())?.locate(ip) ?? UNKNOWN_LOCATION;
}
