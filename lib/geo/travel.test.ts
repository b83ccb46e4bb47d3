import { describe, expect, it } from "vitest";
import { CITY_ACCURACY_KM, greatCircleKm, IMPOSSIBLE_SPEED_KMH, knownPoint, legs, travelKm, trip, type GeoPoint } from "./travel";

const BERLIN: GeoPoint = { latitude: 52.52, longitude: 13.405 };
const FRANKFURT: GeoPoint = { latitude: 50.1109, longitude: 8.6821 };
const MAINZ: GeoPoint = { latitude: 49.9929, longitude: 8.2473 };
const NEW_YORK: GeoPoint = { latitude: 40.7128, longitude: -74.006 };
const TOKYO: GeoPoint = { latitude: 35.6762, longitude: 139.6503 };
const LONDON: GeoPoint = { latitude: 51.5074, longitude: -0.1278 };
const PARIS: GeoPoint = { latitude: 48.8566, longitude: 2.3522 };
const HOUR = 3_600_000;
const t0 = Date.parse("2026-11-02T08:00:00Z");

describe("distances", () => {
  it("are great circles in kilometres", () => {
    expect(greatCircleKm(LONDON, PARIS)).toBeCloseTo(343.5, 0);
    expect(greatCircleKm(BERLIN, TOKYO)).toBeGreaterThan(8_900);
    expect(greatCircleKm(BERLIN, TOKYO)).toBeLessThan(8_950);
    // Across the antimeridian, the short way round.
    expect(greatCircleKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.2, 0);
  });

  it("are charged less the allowance for city-level accuracy at each end, never below 0", () => {
    expect(travelKm(BERLIN, BERLIN)).toBe(0);
    expect(travelKm(FRANKFURT, MAINZ)).toBe(0);
    expect(travelKm(BERLIN, TOKYO)).toBeCloseTo(greatCircleKm(BERLIN, TOKYO) - 2 * CITY_ACCURACY_KM, 6);
    expect(travelKm(BERLIN, TOKYO, 0)).toBeCloseTo(greatCircleKm(BERLIN, TOKYO), 6);
  });
});

describe("trips", () => {
  it("leave a fast but possible flight alone: Frankfurt to New York in 9 hours", () => {
    const found = trip({ at: new Date(t0), point: FRANKFURT }, { at: new Date(t0 + 9 * HOUR), point: NEW_YORK })!;
    expect(found.distanceKm).toBeGreaterThan(6_000);
    expect(found.elapsedMs).toBe(9 * HOUR);
    expect(found.speedKmh).toBeGreaterThan(600);
    expect(found.speedKmh).toBeLessThan(IMPOSSIBLE_SPEED_KMH);
    expect(found.impossible).toBe(false);
  });

  it("flag Berlin to Tokyo in an hour, and any speed above the one given", () => {
    const found = trip({ at: t0, point: BERLIN }, { at: t0 + HOUR, point: TOKYO })!;
    expect(found.speedKmh).toBeCloseTo(found.distanceKm, 6);
    expect(found.impossible).toBe(true);
    const flight = trip({ at: t0, point: FRANKFURT }, { at: t0 + 9 * HOUR, point: NEW_YORK }, { maxSpeedKmh: 500 })!;
    expect(flight.impossible).toBe(true);
  });

  it("make one city 0 km and 0 km/h, even in the same second", () => {
    expect(trip({ at: t0, point: BERLIN }, { at: t0 + 60_000, point: BERLIN })).toEqual({ distanceKm: 0, elapsedMs: 60_000, speedKmh: 0, impossible: false });
    expect(trip({ at: t0, point: FRANKFURT }, { at: t0, point: MAINZ })).toMatchObject({ distanceKm: 0, speedKmh: 0, impossible: false });
  });

  it("count two far places in the same instant over a second: finite and impossible", () => {
    const found = trip({ at: "2026-11-02T08:00:00Z", point: LONDON }, { at: "2026-11-02T08:00:00Z", point: PARIS })!;
    expect(Number.isFinite(found.speedKmh)).toBe(true);
    expect(found.impossible).toBe(true);
  });

  it("are the same in either order, and unknown without both places and times", () => {
    expect(trip({ at: t0 + HOUR, point: TOKYO }, { at: t0, point: BERLIN })).toEqual(trip({ at: t0, point: BERLIN }, { at: t0 + HOUR, point: TOKYO }));
    expect(trip({ at: t0, point: null }, { at: t0 + HOUR, point: TOKYO })).toBeNull();
    expect(trip({ at: "not a time", point: BERLIN }, { at: t0 + HOUR, point: TOKYO })).toBeNull();
  });
});

describe("legs of consecutive sign-ins", () => {
  it("skip unknown places: each trip starts from the latest earlier sign-in with a known place", () => {
    const signIns = [
      { at: t0, point: null },
      { at: t0 + HOUR, point: BERLIN },
      { at: t0 + 2 * HOUR, point: null },
      { at: t0 + 3 * HOUR, point: TOKYO },
      { at: t0 + 30 * HOUR, point: TOKYO },
    ];
    const found = legs(signIns);
    expect(found.map((l) => l?.from ?? null)).toEqual([null, null, null, 1, 3]);
    expect(found[3]!.trip.elapsedMs).toBe(2 * HOUR);
    expect(found[3]!.trip.impossible).toBe(true);
    expect(found[4]!.trip).toMatchObject({ distanceKm: 0, impossible: false });
    expect(legs([])).toEqual([]);
  });
});

describe("stored coordinates", () => {
  it("are a place only when both are real coordinates", () => {
    expect(knownPoint(52.52, 13.405)).toEqual(BERLIN);
    expect(knownPoint(-90, 180)).toEqual({ latitude: -90, longitude: 180 });
    for (const [lat, lon] of [[null, 1], [1, undefined], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY], [91, 0], [0, 180.5], [1e308, 1], ["52", "13"]] as const) {
      expect(knownPoint(lat, lon)).toBeNull();
    }
  });
});
