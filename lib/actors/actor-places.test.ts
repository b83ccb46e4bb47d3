import { beforeAll, describe, expect, it } from "vitest";
import { dbPool } from "@/lib/db/client";
import { ADDRESSES, eventAt, geoHistory, insertGeoHistory, TRAVELLER } from "@/lib/testing/geo-history";
import { getActorPlaces } from "./get-actor-places";
import { getActorProfile } from "./get-actor-profile";

/**
 * Countries and networks an actor used, and the timeline's markers for a country or network new
 * for them, over a history with places (lib/testing/geo-history.ts).
 */
const now = new Date();
const events = geoHistory(now.getTime());
const ALL = { kind: "relative", last: "all" } as const;
// An absolute range around the whole history: counted over the events instead of actor_used_value.
const EVERYTHING = { kind: "absolute", from: new Date(now.getTime() - 400 * 86_400_000).toISOString(), to: new Date(now.getTime() + 60_000).toISOString() } as const;

beforeAll(async () => {
  await insertGeoHistory(dbPool(), events);
});

const from = (address: keyof typeof ADDRESSES) => events.filter((e) => e.address === address);
/** What the timeline says is new at an event about where it came from (a user agent aside). */
const markedAt = (markers: Array<{ gid: string; kind: string; label: string }>) => (gid: string) => markers.filter((m) => m.gid === gid && m.kind !== "first-user-agent").map((m) => m.label);

describe("getActorPlaces", () => {
  it("counts each country and network with its addresses, first and last use and hosting, the unknown last", async () => {
    const places = await getActorPlaces(TRAVELLER.gid, ALL, { now });
    const germany = [...from("berlin"), ...from("berlinLease"), ...from("frankfurt")];
    expect(places.countries.map((c) => [c.country, c.events, c.addresses])).toEqual([
      ["DE", germany.length, 3],
      ["US", 2, 1],
      ["JP", 1, 1],
      // Not placed by any database, a code no ISO list knows, and "__proto__".
      [null, from("unknown").length + 2, 3],
    ]);
    expect(places.countries[0]).toMatchObject({ firstSeen: germany[0]!.at, lastSeen: from("berlin").at(-1)!.at, hostingEvents: 0 });
    expect(places.countries.find((c) => c.country === "US")).toMatchObject({ hostingEvents: 2 });
    expect(places.networks.map((n) => [n.asn, n.events])).toEqual([
      [3320, from("berlin").length + 1],
      [3209, 2],
      [16509, 2],
      [4242, 1],
      [17676, 1],
      [65000, 1],
      [null, from("unknown").length],
    ]);
    expect(places.networks.find((n) => n.asn === 4242)!.org).toBe("__proto__");
    expect(places.networks.find((n) => n.asn === 65000)!.org).toHaveLength(200);
    expect(places.networkCount).toBe(6);
    expect(places.events).toBe(events.length);
    expect(places.countedAfter).toBeNull();
  });

  it("gives the same answer from the events as from the rows the sync keeps per address", async () => {
    expect(await getActorPlaces(TRAVELLER.gid, EVERYTHING, { now })).toEqual(await getActorPlaces(TRAVELLER.gid, ALL, { now }));
  });

  it("counts over the page's time range: the last 20 days", async () => {
    const places = await getActorPlaces(TRAVELLER.gid, { kind: "relative", last: "20d" }, { now });
    expect(places.countries.map((c) => [c.country, c.events])).toEqual([
      ["DE", 2],
      ["JP", 1],
      [null, 3],
    ]);
    expect(places.events).toBe(6);
  });

  it("past its budget counts the newest events exactly, and says after when", async () => {
    const places = await getActorPlaces(TRAVELLER.gid, EVERYTHING, { now, budget: 5 });
    const newest = events.slice(-5);
    expect(places.countedAfter).toBe(events.at(-6)!.at);
    expect(places.events).toBe(5);
    expect(places.countries.map((c) => [c.country, c.events])).toEqual([
      ["DE", 1],
      ["JP", 1],
      [null, newest.filter((e) => ["unknown", "badCountry", "hostile"].includes(e.address)).length],
    ]);
  });

  it("is empty for someone with no events or no addresses", async () => {
    expect(await getActorPlaces("9980000000000999", ALL, { now })).toEqual({ countries: [], networks: [], networkCount: 0, events: 0, countedAfter: null });
  });
});

describe("markers for a new country or network", () => {
  it("mark the first event and sign-in from each country and network, and no new address of a network they knew", async () => {
    const profile = (await getActorProfile(TRAVELLER.gid))!;
    const marked = markedAt(profile.markers);
    // A new country after months at home, from a hosting provider's network: country first.
    expect(marked(eventAt(events, "newYork"))).toEqual(["First sign-in from United States", "First sign-in from network Amazon.com, Inc. (AS16509), a hosting provider"]);
    expect(marked(eventAt(events, "tokyo"))).toEqual(["First sign-in from Japan", "First sign-in from network SoftBank Corp. (AS17676)"]);
    // A new network at home is news; the country is not.
    expect(marked(eventAt(events, "frankfurt"))).toEqual(["First sign-in from network Vodafone GmbH (AS3209)"]);
    expect(marked(eventAt(events, "frankfurt", "user_login_succeeded", 1))).toEqual([]);
    // Another address of their ISP is not news.
    expect(marked(eventAt(events, "berlinLease"))).toEqual([]);
    // An address no database places keeps its address marker: it is all there is to say.
    expect(marked(eventAt(events, "unknown"))).toEqual([`First sign-in from ${ADDRESSES.unknown}`]);
    // As with addresses, the first country and network ever are marked: their first event, then their first sign-in.
    expect(marked(events[0]!.gid)).toEqual(["First event from Germany", "First event from network Deutsche Telekom AG (AS3320)"]);
    expect(marked(events[1]!.gid)).toEqual(["First sign-in from Germany", "First sign-in from network Deutsche Telekom AG (AS3320)"]);
  });

  it("name no country for a code no ISO list knows or for __proto__, and show a hostile network's name visibly, cut short", async () => {
    const profile = (await getActorProfile(TRAVELLER.gid))!;
    const marked = markedAt(profile.markers);
    expect(marked(eventAt(events, "badCountry"))).toEqual(["First sign-in from network __proto__ (AS4242)"]);
    const [hostile, ...rest] = marked(eventAt(events, "hostile"));
    expect(rest).toEqual([]);
    expect(hostile).toMatch(/^First sign-in from network ⟨RLO⟩evil\.example x+… \(AS65000\), a hosting provider$/);
    expect(hostile!.length).toBeLessThan(140);
    expect(profile.markers.some((m) => /Germany|United States|Japan/.test(m.label) && m.kind.endsWith("network"))).toBe(false);
  });
});
