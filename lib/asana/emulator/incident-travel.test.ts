import { beforeAll, describe, expect, it } from "vitest";
import { GEO_FILES } from "@/lib/geo/databases";
import { loadLocator, type AddressLocation, type Locator } from "@/lib/geo/locate";
import { IMPOSSIBLE_SPEED_KMH, knownPoint, legs, trip, type SignInPlace } from "@/lib/geo/travel";
import { SITES } from "./networks";
import { generateOrganisation } from "./organisation";
import type { Person } from "./pools";
import type { AuditLogEvent } from "./types";

/**
 * Where the demo organisation signs in from, judged as the app judges it (lib/geo/travel.ts,
 * with its allowance for city-level accuracy): ordinary life (commutes, VPNs, business trips)
 * is never an impossible trip, the planted impossible trips are, the planted flights come close
 * without being one, and a stolen password used abroad is a new country on a hosting network.
 */
const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const HOUR = 3_600_000;

const org = generateOrganisation({ seed: 42, events: 100_000, days: 90, now: NOW });
const events = org.allEvents();
const at = (e: AuditLogEvent) => Date.parse(e.created_at);
const person = (gid: string): Person => org.pools.users.find((u) => u.gid === gid)!;
const signIns = new Map<string, AuditLogEvent[]>();
for (const e of events) if (e.event_type === "user_login_succeeded" && e.actor.gid) signIns.set(e.actor.gid, [...(signIns.get(e.actor.gid) ?? []), e]);
const signInsOf = (gid: string) => signIns.get(gid) ?? [];
/** The planted event an incident starts with: the sign-in at its time. */
const startOf = (t: number) => events.find((e) => at(e) === t && e.event_type === "user_login_succeeded")!;

describe("where the demo organisation signs in from", { timeout: 120_000 }, () => {
  let locator: Locator;
  beforeAll(async () => void (locator = await loadLocator(GEO_FILES)));
  const located = new Map<string, AddressLocation>();
  const where = (e: AuditLogEvent): AddressLocation => {
    const ip = e.context.client_ip_address ?? "";
    if (!located.has(ip)) located.set(ip, locator.locate(ip));
    return located.get(ip)!;
  };
  const place = (e: AuditLogEvent): SignInPlace => ({ at: e.created_at, point: knownPoint(where(e).latitude, where(e).longitude) });
  const journey = (a: AuditLogEvent, b: AuditLogEvent) => trip(place(a), place(b))!;

  it("has no impossible trip in ordinary life: at home, at the office, through a VPN, on a business trip", () => {
    let journeys = 0;
    for (const user of org.pools.users) {
      const countries = new Set([SITES[user.office]!.country, SITES[user.trip?.site ?? user.office]!.country]);
      // Attackers' sign-ins as them are the incidents' business, below.
      const own = signInsOf(user.gid).filter((e) => countries.has(where(e).country ?? ""));
      for (const [k, leg] of legs(own.map(place)).entries()) {
        if (!leg || leg.trip.distanceKm === 0) continue;
        journeys++;
        expect(leg.trip.impossible, `${user.name}: ${own[leg.from]!.gid} → ${own[k]!.gid}, ${Math.round(leg.trip.speedKmh)} km/h`).toBe(false);
      }
    }
    // Business trips and the planted flights: journeys judged, not skipped.
    expect(journeys).toBeGreaterThan(10);
  });

  it("sends a few people on trips: nothing while in the air, then the office they visit or a hotel of its city", () => {
    const travellers = org.pools.users.filter((u) => u.trip !== null);
    expect(travellers.length / org.pools.users.length).toBeGreaterThan(0.02);
    expect(travellers.length / org.pools.users.length).toBeLessThan(0.06);
    for (const { gid, trip: t } of travellers) {
      const theirs = events.filter((e) => e.actor.gid === gid);
      const inAir = theirs.filter((e) => (at(e) >= t!.departAt && at(e) < t!.arriveAt) || (at(e) >= t!.leaveAt && at(e) < t!.backAt));
      expect(inAir).toEqual([]);
      const away = theirs.filter((e) => at(e) >= t!.arriveAt && at(e) < t!.leaveAt && e.context.client_ip_address);
      expect(away.length).toBeGreaterThan(0);
      expect(away.filter((e) => where(e).country !== SITES[t!.site]!.country)).toEqual([]);
    }
  });

  it("has a few people on a commercial VPN from home: a hosting network of their own city", () => {
    const vpn = org.pools.users.filter((u) => u.vpnIp !== "");
    expect(vpn.length / org.pools.users.length).toBeGreaterThan(0.02);
    for (const u of vpn) expect([locator.locate(u.vpnIp).country, locator.locate(u.vpnIp).hosting]).toEqual([SITES[u.office]!.country, true]);
    expect(events.some((e) => e.event_type === "user_login_succeeded" && vpn.some((u) => u.vpnIp === e.context.client_ip_address))).toBe(true);
  });

  it("plants impossible trips: a sign-in at home, then within 90 minutes one from a home connection on another continent", () => {
    const trips = org.incidents.filter((i) => i.kind === "impossible_trip");
    expect(trips.length).toBeGreaterThanOrEqual(2);
    for (const { at: t } of trips) {
      const home = startOf(t);
      const far = signInsOf(home.actor.gid!).find((e) => at(e) > t && where(e).country !== where(home).country)!;
      expect(at(far) - t).toBeLessThan(1.5 * HOUR);
      expect(journey(home, far)).toMatchObject({ impossible: true });
      expect(journey(home, far).distanceKm).toBeGreaterThan(5000);
      expect(where(far).hosting).toBe(false);
    }
  });

  it("plants flights that are fast but possible: home before leaving, the hotel after landing", () => {
    const flights = org.incidents.filter((i) => i.kind === "flight");
    expect(flights.length).toBeGreaterThanOrEqual(2);
    for (const { at: t } of flights) {
      const before = startOf(t);
      const traveller = person(before.actor.gid!);
      const after = signInsOf(traveller.gid).find((e) => at(e) > t && where(e).country !== where(before).country)!;
      expect(where(after).country).toBe(SITES[traveller.trip!.site]!.country);
      const { distanceKm, speedKmh, impossible } = journey(before, after);
      expect([distanceKm > 5000, speedKmh > 450, impossible]).toEqual([true, true, false]);
      expect(speedKmh).toBeLessThan(IMPOSSIBLE_SPEED_KMH);
    }
  });

  it("plants sign-ins from a hosting network of a country new to their victim", () => {
    const foreign = org.incidents.filter((i) => i.kind === "foreign_sign_in");
    expect(foreign.length).toBeGreaterThanOrEqual(2);
    for (const { at: t } of foreign) {
      const signIn = startOf(t);
      const seen = new Set(events.filter((e) => e.actor.gid === signIn.actor.gid && at(e) < t && e.context.client_ip_address).map((e) => where(e).country));
      expect(seen.size).toBeGreaterThan(0);
      expect(seen.has(where(signIn).country)).toBe(false);
      expect(where(signIn).hosting).toBe(true);
    }
  });

  it("has live mode sign in from a server abroad now and then, and make itself a token", () => {
    const from = org.size;
    const k = Array.from({ length: 100 * 180 }, (_, n) => n).find((n) => org.liveIncidentAt(from + n) === "foreign_sign_in");
    expect(k).toBeDefined();
    const [signIn, token] = [org.extraEvent(from + k!, NOW), org.extraEvent(from + k! + 1, NOW + 90_000)];
    expect([signIn.event_type, token.event_type]).toEqual(["user_login_succeeded", "user_personal_access_token_authorized"]);
    expect(token.context.client_ip_address).toBe(signIn.context.client_ip_address);
    expect(where(signIn).hosting).toBe(true);
    expect(where(signIn).country).not.toBe(SITES[person(signIn.actor.gid!).office]!.country);
  });
});
