import { geoDistance } from "d3-geo";

/**
 * How far apart two sign-ins were and how fast someone would have had to travel between them:
 * shared by the actor page's sign-ins and the impossible-travel detection, so it holds no
 * Next.js, no database and no server-only code.
 */

/** The Earth's mean radius (IUGG): geoDistance answers in radians of a unit sphere. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * How far from its stated point a city-level location may really be, at each end of a trip.
 * The databases place an address at the centre of the city they name, while the device may be
 * anywhere in its metropolitan area (Greater London and Greater Tokyo are about 100 km across,
 * so 50 km from the centre) and an ISP's pool of addresses often spans neighbouring towns. Two
 * ends make 100 km that no trip is charged with: a commute between neighbouring cities reads
 * 0 km, while Berlin to Tokyo (8,900 km) still reads 8,800.
 */
export const CITY_ACCURACY_KM = 50;

/** A commercial airliner cruises at 850–930 km/h: faster than that over a whole trip is not travel. */
export const IMPOSSIBLE_SPEED_KMH = 900;

/**
 * Two sign-ins in the same instant still took some time: their speed is counted over at least a
 * second, so that it stays a finite number (JSON has no Infinity) and is as impossible as any.
 */
const MIN_ELAPSED_MS = 1_000;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A place only when both coordinates are real ones: stored rows may hold NaN, Infinity or 1e308. */
export function knownPoint(latitude: unknown, longitude: unknown): GeoPoint | null {
  if (typeof latitude !== "number" || typeof longitude !== "number") return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** Great-circle distance in kilometres. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  return geoDistance([a.longitude, a.latitude], [b.longitude, b.latitude]) * EARTH_RADIUS_KM;
}

/** The distance a trip is charged with: the great circle less the allowance at each end, never below 0. */
export function travelKm(a: GeoPoint, b: GeoPoint, allowanceKm: number = CITY_ACCURACY_KM): number {
  return Math.max(0, greatCircleKm(a, b) - 2 * allowanceKm);
}

export interface SignInPlace {
  /** When: a Date, an ISO text or epoch milliseconds. */
  at: Date | string | number;
  /** Where, or null when the address's location is unknown. */
  point: GeoPoint | null;
}

export interface Trip {
  /** Kilometres after the allowance for city-level accuracy. */
  distanceKm: number;
  elapsedMs: number;
  speedKmh: number;
  /** Faster than the speed given (IMPOSSIBLE_SPEED_KMH unless said otherwise). */
  impossible: boolean;
}

export interface TripOptions {
  maxSpeedKmh?: number;
  allowanceKm?: number;
}

const timeOf = (at: SignInPlace["at"]) => (at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at));

/** The trip between two sign-ins, in either order; null when either place or time is unknown. */
export function trip(from: SignInPlace, to: SignInPlace, { maxSpeedKmh = IMPOSSIBLE_SPEED_KMH, allowanceKm = CITY_ACCURACY_KM }: TripOptions = {}): Trip | null {
  const start = timeOf(from.at);
  const end = timeOf(to.at);
  if (!from.point || !to.point || !Number.isFinite(start) || !Number.isFinite(end)) return null;
  const distanceKm = travelKm(from.point, to.point, allowanceKm);
  const elapsedMs = Math.abs(end - start);
  const speedKmh = distanceKm === 0 ? 0 : distanceKm / (Math.max(elapsedMs, MIN_ELAPSED_MS) / 3_600_000);
  return { distanceKm, elapsedMs, speedKmh, impossible: speedKmh > maxSpeedKmh };
}

export interface Leg {
  /** Position (in the list given) of the sign-in the trip started from: the latest earlier one with a known place. */
  from: number;
  trip: Trip;
}

/**
 * For sign-ins in time order (oldest first), each one's trip from the latest earlier sign-in
 * whose place is known: a sign-in from an unknown place has none and is skipped, so that it
 * neither breaks a journey nor hides one (Berlin, somewhere unknown, Tokyo an hour later is
 * still Berlin to Tokyo). The first located sign-in has none either.
 */
export function legs(signIns: readonly SignInPlace[], options: TripOptions = {}): Array<Leg | null> {
  let previous = -1;
  return signIns.map((signIn, i) => {
    if (!signIn.point || !Number.isFinite(timeOf(signIn.at))) return null;
    const from = previous;
    previous = i;
    if (from < 0) return null;
    const found = trip(signIns[from]!, signIn, options);
    return found ? { from, trip: found } : null;
  });
}
