import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countFacets } from "./count-facets";
import { emptyFilter, withCondition } from "./filters";
import { seedEvents } from "./test-events";

const all = emptyFilter({ kind: "relative", last: "all" });

beforeAll(async () => {
  await seedEvents(1_500, 5);
}, 120_000);

async function countBy(column: string, where = "TRUE"): Promise<Map<string, number>> {
  const rows = await db().$queryRawUnsafe<{ v: string; n: number }[]>(`SELECT ${column} AS v, count(*)::int AS n FROM audit_event WHERE ${where} AND ${column} IS NOT NULL GROUP BY 1`);
  return new Map(rows.map((r) => [r.v, r.n]));
}

describe("countFacets", () => {
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
    expect(facets.windows.eventType).toMatchObject({ from: null, to: null, narrowed: false });
  });

  it("gives event types their category and top actors their names, biggest first", async () => {
    const facets = await countFacets(all);
    const login = facets.dimensions.eventType.find((v) => v.value === "user_login_succeeded");
    expect(login?.category).toBe("logins");
    const actors = facets.dimensions.actor;
    expect(actors.length).toBeLessThanOrEqual(10);
    expect(actors.every((a, i) => i === 0 || actors[i - 1]!.count >= a.count)).toBe(true);
    expect(actors.some((a) => a.label)).toBe(true);
    const top = await countBy("actor_gid");
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
