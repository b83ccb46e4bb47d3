import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countFacetPart, countFacets } from "./count-facets";
import { FACET_COLUMN, FACET_DIMENSIONS, type FacetDimension } from "./facet-grouping";
import { emptyFilter, withCondition, type Condition, type Dimension, type EventFilter } from "./filters";
import { seedEvents } from "./test-events";
import type { TimeRange } from "./time-range";
import { eventWhere } from "./where";

const all = emptyFilter({ kind: "relative", last: "all" });

beforeAll(async () => {
  await seedEvents(3_000, 5);
}, 120_000);

async function countBy(column: string, where = "TRUE"): Promise<Map<string, number>> {
  const rows = await db().$queryRawUnsafe<{ v: string; n: number }[]>(`SELECT ${column} AS v, count(*)::int AS n FROM audit_event WHERE ${where} AND ${column} IS NOT NULL GROUP BY 1`);
  return new Map(rows.map((r) => [r.v, r.n]));
}

describe("countFacets", () => {
  it("counts in two parts (the panel's two requests) what it counts at once", async () => {
    const filter = withCondition(all, { dimension: "category", value: "logins", exclude: false });
    const [whole, values, places] = await Promise.all([countFacets(filter), countFacetPart(filter, "values"), countFacetPart(filter, "places")]);
    expect({ ...values.dimensions, ...places.dimensions }).toEqual(whole.dimensions);
    expect(Object.keys(places.dimensions).sort()).toEqual(["asn", "country"]);
  });

  it("counts every value of the closed dimensions, equal to a GROUP BY", async () => {
    const facets = await countFacets(all);
    for (const [dimension, column] of [
      ["eventType", "event_type"],
      ["category", "event_category"],
      ["actorType", "actor_type"],
      ["contextType", "context_type"],
      ["authMethod", "auth_method"],
      ["resourceType", "resource_type"],
    ] as const) {
      const expected = await countBy(column);
      expect(new Map(facets.dimensions[dimension].map((v) => [v.value, v.count])), dimension).toEqual(expected);
    }
    expect(facets.windows.eventType).toMatchObject({ from: null, to: null, narrowed: false, source: "rollup" });
  });

  it("gives event types their category and top actors their names, biggest first", async () => {
    const facets = await countFacets(all);
    const login = facets.dimensions.eventType.find((v) => v.value === "user_login_succeeded");
    expect(login?.category).toBe("logins");
    const actors = facets.dimensions.actor;
    expect(actors.length).toBeLessThanOrEqual(10);
    expect(actors.every((a, i) => i === 0 || actors[i - 1]!.count >= a.count)).toBe(true);
    expect(actors.some((a) => a.label)).toBe(true);
    // Actors are counted by key: a user's is the gid; those without one (Asana itself, support…) have their own.
    const top = await countBy("actor_key");
    expect(actors[0]!.count).toBe(Math.max(...top.values()));
  });

  it("counts a selected dimension without its own selection, and the others with it", async () => {
    const filter = withCondition(all, { dimension: "category", value: "logins", exclude: false });
    const facets = await countFacets(filter);
    expect(new Map(facets.dimensions.category.map((v) => [v.value, v.count]))).toEqual(await countBy("event_category"));
    expect(new Map(facets.dimensions.actorType.map((v) => [v.value, v.count]))).toEqual(await countBy("actor_type", "event_category = 'logins'"));
  });

  it("keeps the count and name of a selected actor outside the top ten", async () => {
    const byCount = [...(await countBy("actor_gid")).entries()].sort((a, b) => b[1] - a[1]);
    const [gid, count] = byCount[byCount.length - 1]!;
    const facets = await countFacets(withCondition(all, { dimension: "actor", value: gid, exclude: false }));
    const listed = facets.dimensions.actor.find((v) => v.value === gid);
    expect(listed).toMatchObject({ count });
    expect(listed?.label).toBeTruthy();
    expect(facets.dimensions.actor.length).toBe(11);
  });
});

const LONG_TAILS: readonly FacetDimension[] = ["actor", "ip", "oauthApp", "country", "asn"];

/** Each dimension's value of an event, as SQL over audit_event: an address's country and network are its ip_location row's. */
const COLUMN_OF: Partial<Record<FacetDimension, string>> = {
  ip: "host(client_ip)",
  country: "(SELECT country FROM ip_location WHERE ip = client_ip)",
  asn: "(SELECT asn::text FROM ip_location WHERE ip = client_ip)",
};

/** What the panel must show for `dimension`: a GROUP BY over the events matching the filter without its selection of that dimension (and of event types and categories together). */
async function expected(filter: EventFilter, dimension: FacetDimension, now: Date): Promise<Map<string, number>> {
  const linked: Dimension[] = dimension === "eventType" || dimension === "category" ? ["eventType", "category"] : [dimension];
  const counted = linked.some((d) => filter.include[d].length > 0) ? { ...filter, include: { ...filter.include, ...Object.fromEntries(linked.map((d) => [d, []])) } } : filter;
  const column = COLUMN_OF[dimension] ?? FACET_COLUMN[dimension];
  const rows = await db().$queryRaw<{ v: string; n: number }[]>`
    SELECT ${Prisma.raw(column)} AS v, count(*)::int AS n FROM audit_event WHERE ${eventWhere(counted, { now })} AND ${Prisma.raw(column)} IS NOT NULL GROUP BY 1`;
  return new Map(rows.map((r) => [r.v, r.n]));
}

describe("countFacets against count(*) … GROUP BY", () => {
  // Mid-hour, mid-minute: relative ranges then start inside an hour and a day, and absolute ones end inside one.
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 86_400_000 + 27 * 60_000 + 13_500);
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const RANGES: Array<[string, TimeRange]> = [
    ["all time", { kind: "relative", last: "all" }],
    ["last 30 days", { kind: "relative", last: "30d" }],
    ["last 7 days", { kind: "relative", last: "7d" }],
    ["last 24 hours", { kind: "relative", last: "24h" }],
    ["last hour", { kind: "relative", last: "1h" }],
    ["absolute, both ends mid-hour", { kind: "absolute", from: at(12 * 86_400_000 + 1_234_567), to: at(3 * 86_400_000 - 765_432) }],
  ];

  let sample: { type: string; otherType: string; category: string; actorType: string; resourceType: string; contextType: string; authMethod: string; actor: string; ip: string; text: string; rare: string; app: string };
  beforeAll(async () => {
    const one = async (sql: string) => ((await db().$queryRawUnsafe<{ v: string }[]>(sql))[0]?.v ?? "");
    const type = await one("SELECT event_type AS v FROM audit_event WHERE event_category IS NOT NULL GROUP BY 1, event_category ORDER BY count(*) DESC LIMIT 1");
    sample = {
      type,
      otherType: await one(`SELECT event_type AS v FROM audit_event WHERE event_category IS DISTINCT FROM (SELECT event_category FROM audit_event WHERE event_type = '${type}' LIMIT 1) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`),
      category: await one("SELECT event_category AS v FROM audit_event WHERE event_category IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      actorType: await one("SELECT actor_type AS v FROM audit_event GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      resourceType: await one("SELECT resource_type AS v FROM audit_event WHERE resource_type IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      contextType: await one("SELECT context_type AS v FROM audit_event WHERE context_type IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      authMethod: await one("SELECT auth_method AS v FROM audit_event WHERE auth_method IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      actor: await one("SELECT actor_gid AS v FROM audit_event WHERE actor_gid IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      ip: await one("SELECT host(client_ip) AS v FROM audit_event WHERE client_ip IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      text: (await one("SELECT actor_email AS v FROM audit_event WHERE actor_email LIKE '%@%' LIMIT 1")).split("@")[1] ?? "",
      // Someone with a handful of events: found through the trigram index, and counted in full.
      rare: await one("SELECT actor_email AS v FROM audit_event WHERE actor_email IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1"),
      app: await one("SELECT oauth_app_name AS v FROM audit_event WHERE oauth_app_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
    };
    expect(Object.values(sample).every((v) => v !== ""), JSON.stringify(sample)).toBe(true);
  });

  const conditions = (): Array<[string, Condition[]]> => [
    ["no condition", []],
    ["an event type", [{ dimension: "eventType", value: sample.type, exclude: false }]],
    ["two event types of different categories", [{ dimension: "eventType", value: sample.type, exclude: false }, { dimension: "eventType", value: sample.otherType, exclude: false }]],
    ["an event type excluded", [{ dimension: "eventType", value: sample.type, exclude: true }]],
    ["a category", [{ dimension: "category", value: sample.category, exclude: false }]],
    ["a category excluded", [{ dimension: "category", value: sample.category, exclude: true }]],
    ["an actor type", [{ dimension: "actorType", value: sample.actorType, exclude: false }]],
    ["an actor type excluded", [{ dimension: "actorType", value: sample.actorType, exclude: true }]],
    ["a resource type", [{ dimension: "resourceType", value: sample.resourceType, exclude: false }]],
    ["a context excluded", [{ dimension: "contextType", value: sample.contextType, exclude: true }]],
    ["an auth method", [{ dimension: "authMethod", value: sample.authMethod, exclude: false }]],
    ["a category, an actor type and a context", [{ dimension: "category", value: sample.category, exclude: false }, { dimension: "actorType", value: sample.actorType, exclude: false }, { dimension: "contextType", value: sample.contextType, exclude: false }]],
    ["an actor", [{ dimension: "actor", value: sample.actor, exclude: false }]],
    ["an actor and an event type", [{ dimension: "actor", value: sample.actor, exclude: false }, { dimension: "eventType", value: sample.type, exclude: false }]],
    ["an actor excluded", [{ dimension: "actor", value: sample.actor, exclude: true }]],
    ["an IP address", [{ dimension: "ip", value: sample.ip, exclude: false }]],
    ["an OAuth app and an actor type", [{ dimension: "oauthApp", value: sample.app, exclude: false }, { dimension: "actorType", value: sample.actorType, exclude: false }]],
    ["free text", [{ dimension: "text", value: sample.text, exclude: false }]],
    ["a rare term", [{ dimension: "text", value: sample.rare, exclude: false }]],
    ["a rare term and an event type", [{ dimension: "text", value: sample.rare, exclude: false }, { dimension: "eventType", value: sample.type, exclude: false }]],
    ["free text excluded and a category", [{ dimension: "text", value: sample.text, exclude: true }, { dimension: "category", value: sample.category, exclude: false }]],
  ];

  for (const [rangeName, time] of RANGES) {
    it(`equals a GROUP BY for every dimension, ${rangeName}, under each filter of the matrix`, async () => {
      for (const [name, list] of conditions()) {
        const filter = list.reduce(withCondition, emptyFilter(time));
        const facets = await countFacets(filter, { now });
        for (const dimension of FACET_DIMENSIONS) {
          const label = `${name}: ${dimension}`;
          const truth = await expected(filter, dimension, now);
          const got = new Map(facets.dimensions[dimension].map((v) => [v.value, v.count]));
          expect(facets.windows[dimension].narrowed, label).toBe(false);
          if (!LONG_TAILS.includes(dimension)) {
            expect(got, label).toEqual(truth);
            continue;
          }
          // Top values: each listed one counted exactly, and as many as the top ten of the truth, as big.
          for (const [value, count] of got) expect(count, `${label} ${value}`).toBe(truth.get(value) ?? 0);
          const top = [...truth.values()].sort((a, b) => b - a).slice(0, 10);
          expect([...got.values()].sort((a, b) => b - a).slice(0, top.length), label).toEqual(top);
        }
      }
    }, 120_000);
  }

  it("reads the rollups when the filter names only what they hold, and the events otherwise", async () => {
    const time: TimeRange = { kind: "relative", last: "30d" };
    const byType = await countFacets(withCondition(emptyFilter(time), { dimension: "eventType", value: sample.type, exclude: false }), { now });
    expect(byType.windows.eventType.source).toBe("rollup");
    expect(byType.windows.resourceType.source).toBe("rollup");
    expect(byType.windows.actor.source).toBe("events");
    const plain = await countFacets(emptyFilter(time), { now });
    expect(FACET_DIMENSIONS.every((d) => plain.windows[d].source === "rollup")).toBe(true);
    // The sync placed the emulator's addresses: the country and network counts above were of something.
    expect(plain.dimensions.country.length).toBeGreaterThan(1);
    expect(plain.dimensions.asn.length).toBeGreaterThan(1);
    const text = await countFacets(withCondition(emptyFilter(time), { dimension: "text", value: sample.text, exclude: false }), { now });
    expect(FACET_DIMENSIONS.every((d) => text.windows[d].source === "events")).toBe(true);
  });
});
