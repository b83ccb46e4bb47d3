import { beforeAll, describe, expect, it } from "vitest";
import { dbPool } from "@/lib/db/client";
import { decodeCursor, type Cursor } from "@/lib/events/view";
import { eventAt, geoHistory, HOSTILE_ORG, insertGeoHistory, TRAVELLER } from "@/lib/testing/geo-history";
import { getActorSignIns, type SignIn } from "./get-actor-sign-ins";

/** An actor's successful sign-ins with their places and the trips between them (lib/testing/geo-history.ts). */
const now = new Date();
const events = geoHistory(now.getTime());
const signIns = events.filter((e) => e.type === "user_login_succeeded");
const ALL = { kind: "relative", last: "all" } as const;

beforeAll(async () => {
  await insertGeoHistory(dbPool(), events);
});

async function everySignIn(size: number, time = ALL as Parameters<typeof getActorSignIns>[1]): Promise<SignIn[]> {
  const all: SignIn[] = [];
  let after: Cursor | null = null;
  for (let page = 0; page < 20; page++) {
    const found = await getActorSignIns(TRAVELLER.gid, time, { size, after }, now);
    all.push(...found.signIns);
    if (!found.next) break;
    after = decodeCursor(found.next) as Cursor;
  }
  return all;
}

describe("getActorSignIns", () => {
  it("lists every successful sign-in newest first, a page at a time, none twice", async () => {
    const all = await everySignIn(4);
    expect(all.map((s) => s.gid)).toEqual(signIns.map((s) => s.gid).reverse());
    expect(all.map((s) => s.at)).toEqual(signIns.map((s) => s.at).reverse());
  });

  it("flags Berlin to Tokyo in an hour, skipping the unknown place between, and leaves Frankfurt to New York in 9 hours alone", async () => {
    const all = await everySignIn(50);
    const byGid = new Map(all.map((s) => [s.gid, s]));
    const tokyo = byGid.get(eventAt(events, "tokyo"))!;
    expect(tokyo.place).toMatchObject({ country: "JP", city: "Tokyo", latitude: 35.6762, longitude: 139.6503, asn: 17676, org: "SoftBank Corp." });
    expect(tokyo.leg).toMatchObject({ fromGid: eventAt(events, "berlin", "user_login_succeeded", 5), elapsedMs: 3_600_000, impossible: true });
    expect(tokyo.leg!.from).toMatchObject({ country: "DE", city: "Berlin" });
    expect(tokyo.leg!.distanceKm).toBeGreaterThan(8_700);

    const unknown = byGid.get(eventAt(events, "unknown", "user_login_succeeded", 1))!;
    expect(unknown).toMatchObject({ ip: "203.0.113.9", place: null, leg: null });

    const newYork = byGid.get(eventAt(events, "newYork"))!;
    expect(newYork.place).toMatchObject({ country: "US", hosting: true });
    expect(newYork.leg).toMatchObject({ fromGid: eventAt(events, "frankfurt", "user_login_succeeded", 1), elapsedMs: 9 * 3_600_000, impossible: false });
    expect(newYork.leg!.speedKmh).toBeGreaterThan(600);

    // The same city twice: 0 km after the allowance for city-level accuracy.
    const lease = byGid.get(eventAt(events, "berlinLease"))!;
    expect(lease.leg).toMatchObject({ distanceKm: 0, speedKmh: 0, impossible: false });
    // Their first sign-in came from nowhere before.
    expect(byGid.get(signIns[0]!.gid)!.leg).toBeNull();
  });

  it("shows hostile stored places as what they are, never as a place to measure from", async () => {
    const all = await everySignIn(50);
    const byGid = new Map(all.map((s) => [s.gid, s]));
    // "ZZ" and "__proto__" are no country; NaN, 1e308 and a latitude of 91 are no coordinates.
    expect(byGid.get(eventAt(events, "badCountry"))).toMatchObject({ place: { country: null, latitude: null, longitude: null, asn: 4242, org: "__proto__" }, leg: null });
    const hostile = byGid.get(eventAt(events, "hostile"))!;
    expect(hostile.place).toMatchObject({ country: null, region: "constructor", latitude: null, asn: 65000, hosting: true, cut: { city: 200_000, org: HOSTILE_ORG.length } });
    expect(hostile.place!.city).toHaveLength(200);
    expect(hostile.place!.org).toHaveLength(200);
    // Their last sign-in, from Berlin, is measured from Tokyo nine days before: the two hostile places are skipped.
    expect(byGid.get(eventAt(events, "berlin", "user_login_succeeded", 6))!.leg).toMatchObject({ fromGid: eventAt(events, "tokyo"), impossible: false });
  });

  it("keeps to the range, measuring its oldest sign-in from one before it", async () => {
    const recent = await everySignIn(2, { kind: "relative", last: "20d" });
    const expected = signIns.filter((s) => Date.parse(s.at) >= now.getTime() - 20 * 86_400_000).reverse();
    expect(recent.map((s) => s.gid)).toEqual(expected.map((s) => s.gid));
    // Berlin ten days ago, measured from New York twenty days before it.
    expect(recent.at(-1)!.leg).toMatchObject({ fromGid: eventAt(events, "newYork"), impossible: false });
    expect((await getActorSignIns("9980000000000999", ALL, { size: 50, after: null }, now)).signIns).toEqual([]);
  });
});
