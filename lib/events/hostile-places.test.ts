import { beforeAll, describe, expect, it } from "vitest";
import { dbPool } from "@/lib/db/client";
import { hostileEvents, insertHostileEvents } from "@/lib/testing/hostile-events";
import { HOSTILE_CITY, HOSTILE_ORG, insertHostileLocations } from "@/lib/testing/hostile-locations";
import { countFacets } from "./count-facets";
import { LIST_TEXT_MAX } from "./event-row";
import { exportEvents } from "./export-events";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";
import { textToFilter } from "./query-text";
import { suggestValues } from "./suggest-values";

/**
 * ip_location's values read back by the explorer as stored data: a 200,000-character network
 * name behind a bidi override is cut in lists (with its length) and whole on the event's page,
 * a country named __proto__ and coordinates of NaN and Infinity read as what they are (or as
 * unknown), and no answer grows with them.
 */
beforeAll(async () => {
  const client = await dbPool().connect();
  try {
    await insertHostileEvents(client, hostileEvents());
    await insertHostileLocations(client);
  } finally {
    client.release();
  }
}, 120_000);

const filter = (text: string) => {
  const parsed = textToFilter(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.filter;
};
const size = (value: unknown) => JSON.stringify(value).length;

describe("hostile locations", () => {
  it("are cut in a page's rows, with their whole length, and read as plain values", async () => {
    const page = await listEvents({ filter: filter("since:1h"), sort: "newest", size: 50, page: null });
    expect(size(page)).toBeLessThan(200_000);
    const future = page.events.find((e) => e.gid === "999000000000001")!;
    expect(future.place).toMatchObject({ country: "DE", asn: 64512, hosting: true, latitude: 52.52, located: true, cut: { org: 200_001 } });
    expect(future.place!.org).toHaveLength(LIST_TEXT_MAX);
    expect(future.place!.city).toBe(HOSTILE_CITY);
    const proto = page.events.find((e) => e.gid === "__proto__")!;
    // A "country" ISO does not know is none; the other texts are stored values, read as such.
    expect(proto.place).toMatchObject({ country: null, region: "constructor", city: "toString", org: "__proto__", asn: 2_147_483_647 });
    // NaN and Infinity are no coordinates: the row says it has none.
    expect(proto.place).toMatchObject({ latitude: null, longitude: null, located: false });
    expect(Object.getPrototypeOf(proto.place)).toBe(Object.prototype);
  });

  it("are whole on the event's own page", async () => {
    expect((await getEvent("999000000000001"))!.place!.org).toBe(HOSTILE_ORG);
    expect((await getEvent("__proto__"))!.place).toMatchObject({ country: null, city: "toString", latitude: null });
  });

  it("are counted and labelled within bounds, and matched by the filters as values", async () => {
    const facets = await countFacets(filter("since:1h"));
    expect(size(facets)).toBeLessThan(200_000);
    expect(facets.dimensions.country.map((v) => v.value).sort()).toEqual(["DE", "__proto__"]);
    expect(facets.dimensions.asn.find((v) => v.value === "64512")!.label).toHaveLength(LIST_TEXT_MAX);
    expect(facets.dimensions.asn.find((v) => v.value === "2147483647")!.label).toBe("__proto__");

    const byOwner = await listEvents({ filter: filter("org:__proto__ since:all"), sort: "newest", size: 50, page: null });
    expect(byOwner.events.map((e) => e.gid)).toEqual(["__proto__"]);
    const byCountry = await listEvents({ filter: filter("country:DE hosting:true since:all"), sort: "newest", size: 50, page: null });
    expect(byCountry.events.map((e) => e.gid)).toEqual(["999000000000001"]);
  });

  it("are offered in the query bar only as names a filter can hold", async () => {
    const owners = await suggestValues({ field: "org", prefix: "", limit: 20 });
    expect(owners.map((o) => o.insert)).toEqual(["__proto__"]);
    const numbers = await suggestValues({ field: "asn", prefix: "AS2147", limit: 20 });
    expect(numbers).toEqual([{ insert: "2147483647", label: "AS2147483647", detail: "__proto__ · 1 address" }]);
  });

  it("are exported whole", async () => {
    const stream = await exportEvents({ filter: filter("country:DE since:all"), columns: ["time", "country", "network"], sort: "newest", format: "ndjson" });
    const [line] = (await new Response(stream).text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ gid: "999000000000001", country: "DE", city: HOSTILE_CITY, as_org: HOSTILE_ORG, hosting: true });
  });
});
