import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { completionsAt } from "./query-complete";
import { suggestSearch } from "./suggest-params";
import { suggestValues } from "./suggest-values";
import { seedEvents } from "./test-events";

beforeAll(async () => {
  await seedEvents(600, 11);
}, 120_000);

describe("the query bar's completions", () => {
  it("offers field names and aliases, then catalogue values by name or label", () => {
    expect(completionsAt("NOT categ", 9)).toMatchObject({ start: 4, end: 9, items: [{ insert: "category:" }] });
    expect(completionsAt("@actor.em", 9)?.items.map((i) => i.insert)).toContain("actor.email:");
    expect(completionsAt("type:login_fa", 13)?.items.map((i) => i.insert)).toEqual(["user_login_failed"]);
    expect(completionsAt("-type:a,user_lo", 15)).toMatchObject({ start: 8, end: 15 });
    expect(completionsAt("actor:ali", 9)).toMatchObject({ start: 6, items: [], remote: { field: "actor", prefix: "ali" } });
    expect(completionsAt('"quoted', 7)).toBeNull();
  });

  it("reads actors, apps and IPs from the data, busiest first, any case", async () => {
    const [actor] = await db().$queryRaw<{ email: string }[]>`SELECT email FROM actor WHERE email IS NOT NULL ORDER BY event_count DESC LIMIT 1`;
    const part = actor!.email.slice(0, 4).toUpperCase();
    const actors = await suggestValues({ field: "actor", prefix: part, limit: 5 });
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((a) => a.insert.toUpperCase().includes(part) || (a.detail ?? "").toUpperCase().includes(part))).toBe(true);

    const apps = await suggestValues({ field: "app", prefix: "", limit: 3 });
    const [busiest] = await db().$queryRaw<{ v: string }[]>`SELECT oauth_app_name AS v FROM audit_event WHERE oauth_app_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
    expect(apps[0]?.insert).toBe(busiest!.v);

    const ips = await suggestValues({ field: "ip", prefix: "%", limit: 5 });
    expect(ips).toEqual([]);
    expect((await suggestValues({ field: "ip", prefix: "", limit: 20 })).length).toBeGreaterThan(0);
  });

  it("refuses what it cannot answer, with the reason", () => {
    expect(suggestSearch.parse({ field: "colour" })).toMatchObject({ ok: false, errors: [{ param: "field" }] });
    expect(suggestSearch.parse({ field: "actor", limit: "500" })).toMatchObject({ ok: false, errors: [{ param: "limit" }] });
    expect(suggestSearch.parse({ field: "actor", prefix: "x".repeat(101) })).toMatchObject({ ok: false, errors: [{ param: "prefix" }] });
    expect(suggestSearch.parse({ field: "app", prefix: "Sl" })).toMatchObject({ ok: true, values: { field: "app", prefix: "Sl", limit: 8 } });
  });
});
