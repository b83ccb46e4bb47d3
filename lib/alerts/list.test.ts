import { beforeAll, describe, expect, it } from "vitest";
import { db, dbPool } from "@/lib/db/client";
import { LIST_TEXT_MAX } from "@/lib/events/event-row";
import { parseSearch } from "@/lib/http/route";
import { countOpenAlerts, listRuleOptions, summariseOpenAlerts } from "./count";
import { listAlerts } from "./list";
import { alertInboxSearch, alertListApiSearch, type AlertListInput } from "./search-params";
import { insertTestAlerts, insertTestRule, type TestAlert } from "./test-alerts";
import { SEVERITIES } from "./vocabulary";

const BASE = Date.parse("2026-11-01T00:00:00Z");
const RULES = ["test.brute-force", "test.mass-delete", "test.new-admin"];
const STATUSES = ["open", "open", "acknowledged", "open", "resolved"];
const N = 130;

/** Alert i: rule i%3, severity i%4, status by i%5, every four sharing a last event time (ties broken by id). */
const alertOf = (i: number): TestAlert => ({
  ruleId: RULES[i % 3]!,
  severity: SEVERITIES[i % 4]!,
  status: STATUSES[i % 5]!,
  title: `Alert ${i}`,
  firstAt: new Date(BASE + Math.floor(i / 4) * 60_000 - 30_000),
  lastAt: new Date(BASE + Math.floor(i / 4) * 60_000),
  actorKey: i % 7 === 0 ? "1001" : `20${i % 5}`,
});

let ids: string[] = [];
const expected = (keep: (a: TestAlert) => boolean) =>
  ids
    .map((id, i) => ({ id, a: alertOf(i) }))
    .filter(({ a }) => keep(a))
    .sort((x, y) => y.a.lastAt.getTime() - x.a.lastAt.getTime() || Number(BigInt(y.id) - BigInt(x.id)))
    .map(({ id }) => id);

async function all(input: Partial<AlertListInput>, now?: Date): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAlerts({ ...input, cursor, limit: 7 }, now);
    seen.push(...page.alerts.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  await db().$executeRawUnsafe("TRUNCATE alert, alert_event, detection_rule, actor, dashboard_audit_entry CASCADE");
  for (const [i, id] of RULES.entries()) await insertTestRule(dbPool(), { id, name: ["Brute force by user", "Mass deletion", "New workspace admin"][i]! });
  await db().$executeRawUnsafe(
    `INSERT INTO actor (key, gid, actor_type, name, email, first_seen, last_seen, event_count) VALUES ('1001', '1001', 'user', 'Ann Admin', 'Ann@Example.com', now(), now(), 1)`,
  );
  ids = await insertTestAlerts(dbPool(), Array.from({ length: N }, (_, i) => alertOf(i)));
});

describe("listAlerts", () => {
  it("pages the open alerts newest last event first by keyset, ties by id, each exactly once", async () => {
    const seen = await all({});
    expect(seen).toEqual(expected((a) => a.status === "open"));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("lists each status tab, and all of them", async () => {
    for (const status of ["acknowledged", "resolved"] as const) expect(await all({ status })).toEqual(expected((a) => a.status === status));
    expect(await all({ status: "all" })).toEqual(expected(() => true));
  });

  it("filters by severities, rule, actor (key or e-mail) and time, together", async () => {
    expect(await all({ status: "all", severity: ["high", "critical"] })).toEqual(expected((a) => a.severity === "high" || a.severity === "critical"));
    expect(await all({ status: "open", rule: RULES[1] })).toEqual(expected((a) => a.status === "open" && a.ruleId === RULES[1]));
    const ann = expected((a) => a.actorKey === "1001");
    expect(await all({ status: "all", actor: "1001" })).toEqual(ann);
    expect(await all({ status: "all", actor: "ann@EXAMPLE.com" })).toEqual(ann);
    expect(await all({ status: "all", actor: "nobody@example.com" })).toEqual([]);
    // The last 24 hours as of half an hour after the 20th minute: the alerts of minutes 0 to 20 are older than a day.
    const now = new Date(BASE + 20 * 60_000 + 86_400_000 + 1);
    expect(await all({ status: "all", range: "24h", severity: ["low"] }, now)).toEqual(expected((a) => a.severity === "low" && a.lastAt.getTime() >= now.getTime() - 86_400_000));
  });

  it("keeps its place when alerts are raised between pages", async () => {
    const first = await listAlerts({ status: "all", limit: 10 });
    const [newer] = await insertTestAlerts(dbPool(), [{ ...alertOf(0), title: "raised meanwhile", lastAt: new Date(BASE + 86_400_000 * 10) }]);
    const second = await listAlerts({ status: "all", limit: 10, cursor: first.nextCursor! });
    expect(second.alerts.map((a) => a.id)).toEqual(expected(() => true).slice(10, 20));
    await db().$executeRawUnsafe(`DELETE FROM alert WHERE id = ${newer}`);
  });

  it("returns rows with the rule's name, the actor's name and the capped count", async () => {
    const [row] = (await listAlerts({ status: "all", actor: "1001", limit: 1 })).alerts;
    expect(row).toMatchObject({ ruleName: expect.any(String), actorKey: "1001", actorName: "Ann Admin", actorEmail: "Ann@Example.com", eventCountCapped: false });
    const [capped] = await insertTestAlerts(dbPool(), [{ ...alertOf(1), eventCount: 1_000, lastAt: new Date(BASE - 86_400_000) }]);
    const last = (await listAlerts({ status: "all", limit: 200 })).alerts.at(-1)!;
    expect(last).toMatchObject({ id: capped, eventCount: 1_000, eventCountCapped: true });
    await db().$executeRawUnsafe(`DELETE FROM alert WHERE id = ${capped}`);
  });

  it("cuts a 200,000-character title from Asana, saying how long it was, and keeps bidi controls as stored", async () => {
    const title = `Brute force by user: \u202eexe.txt ${"x".repeat(200_000)}`;
    const [id] = await insertTestAlerts(dbPool(), [{ ...alertOf(2), title, lastAt: new Date(BASE - 2 * 86_400_000) }]);
    const row = (await listAlerts({ status: "all", limit: 200 })).alerts.find((a) => a.id === id)!;
    expect(row.title).toHaveLength(LIST_TEXT_MAX);
    expect(row.title).toContain("\u202e");
    expect(row.titleLength).toBe(title.length);
    await db().$executeRawUnsafe(`DELETE FROM alert WHERE id = ${id}`);
  });
});

describe("the inbox's URL contract", () => {
  it("defaults to the open tab and reads every filter", () => {
    expect(parseSearch(alertListApiSearch, new URLSearchParams())).toMatchObject({ status: "open", severity: null, rule: null, actor: null, range: null, limit: 50 });
    const values = parseSearch(alertListApiSearch, new URLSearchParams({ status: "all", severity: "critical,high", rule: "builtin.brute-force", actor: "external_administrator:email:a@x.com", range: "7d" }));
    // Severities come back in one order, whatever the URL's.
    expect(values).toMatchObject({ status: "all", severity: ["high", "critical"], rule: "builtin.brute-force", actor: "external_administrator:email:a@x.com", range: "7d" });
  });

  it("refuses what it cannot read with a 400 naming each parameter", () => {
    const bad = {
      status: "closed",
      severity: "high,urgent",
      rule: "no spaces allowed",
      actor: "a\u0001b",
      range: "5d",
      limit: "0",
      cursor: "garbage",
      sort: "oldest",
    };
    for (const [param, value] of Object.entries(bad)) {
      expect(() => parseSearch(alertListApiSearch, new URLSearchParams({ [param]: value })), param).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(param) }));
    }
    const cursorOf = (text: string) => Buffer.from(text).toString("base64url");
    for (const cursor of [cursorOf("0000-01-01T00:00:00.000Z|12"), cursorOf("2026-11-01T00:00:00.000Z|x"), cursorOf("2026-11-01T00:00:00.000Z|12|3"), cursorOf("2026-02-30T00:00:00.000Z|12")]) {
      expect(() => parseSearch(alertListApiSearch, new URLSearchParams({ cursor })), cursor).toThrow(expect.objectContaining({ status: 400 }));
    }
    expect(alertInboxSearch.parse(new URLSearchParams({ alert: "12abc" }))).toMatchObject({ ok: false, errors: [{ param: "alert" }] });
    expect(alertInboxSearch.parse(new URLSearchParams({ alert: "12", tz: "utc" }))).toMatchObject({ ok: true, values: { alert: "12", tz: "utc", status: "open" } });
  });
});

describe("counts", () => {
  it("counts the open alerts, by severity, with the latest few", async () => {
    const open = expected((a) => a.status === "open");
    expect(await countOpenAlerts()).toEqual({ open: open.length });
    const summary = await summariseOpenAlerts();
    expect(summary.open).toBe(open.length);
    for (const severity of SEVERITIES) expect(summary.openBySeverity[severity], severity).toBe(expected((a) => a.status === "open" && a.severity === severity).length);
    expect(summary.latest.map((a) => a.id)).toEqual(open.slice(0, 5));
  });

  it("offers every rule by name for the rule filter", async () => {
    expect((await listRuleOptions()).map((r) => r.name)).toEqual(["Brute force by user", "Mass deletion", "New workspace admin"]);
  });
});
