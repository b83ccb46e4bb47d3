import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Channel secrets are sealed under a key derived from the session secret.
  process.env.NEXTAUTH_SECRET = "judge-test-secret-0123456789abcdef0123";
});

import type { Emulator } from "@/lib/asana/emulator";
import { db, dbPool } from "@/lib/db/client";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { judgeEvents, judgeQueued, prepareRules } from "./judge";
import { deliverDue } from "./notify/outbox";
import { createChannel } from "./notify/save-channel";
import { startReceiver } from "./notify/test-support";
import type { RuleInput } from "./rule";
import { eventFactory, personGid, type EventSpec } from "./test-scenarios";

const MIN = 60_000;
let emulator: Emulator;
let make: ReturnType<typeof eventFactory>;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 172, events: 300 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
  make = eventFactory(emulator);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await db().alert.deleteMany();
  await db().detectionRule.deleteMany();
});

async function addRule(rule: Omit<RuleInput, "description" | "runbook" | "helpUrl" | "savedQueryId" | "enabled" | "detailsMatch"> & { id: string; detailsMatch?: RuleInput["detailsMatch"] }) {
  const { id, condition, settings, ...rest } = rule;
  await db().detectionRule.create({ data: { id, condition, settings, detailsMatch: rule.detailsMatch ?? [], name: rest.name, query: rest.query, severity: rest.severity, dedupSeconds: rest.dedupSeconds } });
}

/** Stores events through the sync (which judges each page), filed as captured now. */
async function store(specs: EventSpec[]): Promise<string[]> {
  const events = specs.map(make);
  emulator.control.addEvents(events, { storedAt: Date.now() });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
  return events.map((e) => e.gid as string);
}

describe("judging stored events", () => {
  it("joins matches of one key within the deduplication period into one alert, and opens another past it", async () => {
    await addRule({ id: "t.downloads", name: "Downloads", query: "type:attachment_downloaded", severity: "low", dedupSeconds: 3_600, condition: "match", settings: { groupBy: "actor" } });
    const actor = { gid: personGid() };
    const now = Date.now();
    await store([{ type: "attachment_downloaded", at: new Date(now - 5 * 60 * MIN), actor }]);
    await store([{ type: "attachment_downloaded", at: new Date(now - 4 * 60 * MIN - 30 * MIN), actor }]);
    await store([{ type: "attachment_downloaded", at: new Date(now - 60 * MIN), actor }]);
    const alerts = await db().alert.findMany({ where: { ruleId: "t.downloads", dedupKey: actor.gid }, orderBy: { firstAt: "asc" } });
    expect(alerts.map((a) => a.eventCount)).toEqual([2, 1]);
  });

  it("judges a late event at its own time: it completes the window it belongs to", async () => {
    await addRule({ id: "t.burst", name: "Burst", query: "type:task_deleted", severity: "medium", dedupSeconds: 3_600, condition: "threshold", settings: { groupBy: "actor", threshold: 3, windowSeconds: 600 } });
    const actor = { gid: personGid() };
    const t0 = Date.now() - 3 * 60 * MIN;
    await store([
      { type: "task_deleted", at: new Date(t0), actor },
      { type: "task_deleted", at: new Date(t0 + 8 * MIN), actor },
      // Three, but not within ten minutes.
      { type: "task_deleted", at: new Date(t0 + 40 * MIN), actor },
    ]);
    expect(await db().alert.count({ where: { ruleId: "t.burst" } })).toBe(0);
    const [late] = await store([{ type: "task_deleted", at: new Date(t0 + 4 * MIN), actor }]);
    const alerts = await db().alert.findMany({ where: { ruleId: "t.burst" }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.events.map((e) => e.eventGid)).toContain(late);
    expect(alerts[0]!.eventCount).toBe(3);
    expect(alerts[0]!.firstAt.getTime()).toBe(t0);
  });

  it("changes nothing when the same events are judged again (a replayed page)", async () => {
    await addRule({ id: "t.admins", name: "Admins", query: "type:user_workspace_admin_role_changed", severity: "high", dedupSeconds: 60, condition: "match", settings: { groupBy: "actor" } });
    const actor = { gid: personGid() };
    const gids = await store([0, 1, 2].map((i) => ({ type: "user_workspace_admin_role_changed", at: new Date(Date.now() - (30 - 5 * i) * MIN), actor })));
    const before = await db().alert.findMany({ where: { ruleId: "t.admins" } });
    expect(before.map((a) => a.eventCount).sort()).toEqual([1, 1, 1]);
    const client = await dbPool().connect();
    try {
      await client.query("BEGIN");
      expect(await judgeEvents(client, gids, await prepareRules())).toEqual([]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await db().alert.findMany({ where: { ruleId: "t.admins" } })).toEqual(before);
  });

  it("loses nothing when judging fails before its commit: the queue entry stays and is judged once later", async () => {
    await addRule({ id: "t.exports", name: "Exports", query: "type:workspace_export_started", severity: "high", dedupSeconds: 3_600, condition: "match", settings: { groupBy: "actor" } });
    const actor = { gid: personGid() };
    // Stored without judging, as a crash right after the page's commit would leave it.
    const event = make({ type: "workspace_export_started", at: new Date(Date.now() - 10 * MIN), actor });
    const client = await dbPool().connect();
    try {
      await client.query("BEGIN");
      const { insertEventRecords } = await import("@/lib/sync/store");
      await insertEventRecords(client, emulator.workspaceGid, [{ raw: JSON.stringify(event), safe: null, alterations: [] }]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await db().detectionQueue.count()).toBe(1);
    await expect(judgeQueued({ onOpened: () => Promise.reject(new Error("crash before commit")) })).rejects.toThrow("crash before commit");
    expect(await db().alert.count({ where: { ruleId: "t.exports" } })).toBe(0);
    expect(await db().detectionQueue.count()).toBe(1);
    const outcome = await judgeQueued();
    expect(outcome.opened).toHaveLength(1);
    expect(await judgeQueued()).toMatchObject({ batches: 0, opened: [] });
    expect(await db().alert.count({ where: { ruleId: "t.exports" } })).toBe(1);
    expect(await db().detectionQueue.count()).toBe(0);
  });

  it("sees a value new to an actor only when the actor was active before without it", async () => {
    await addRule({ id: "t.new-ip", name: "New address", query: "category:logins", severity: "low", dedupSeconds: 60, condition: "first_seen", settings: { groupBy: "actor", field: "ip", lookbackSeconds: 30 * 86_400 } });
    const actor = { gid: personGid() };
    const now = Date.now();
    await store([
      // The first sign-in ever: learning, not new.
      { type: "user_login_succeeded", at: new Date(now - 50 * MIN), actor, ip: "198.51.100.200" },
      { type: "user_login_succeeded", at: new Date(now - 40 * MIN), actor, ip: "198.51.100.200" },
      { type: "user_login_succeeded", at: new Date(now - 30 * MIN), actor, ip: "203.0.113.99" },
      { type: "user_login_succeeded", at: new Date(now - 20 * MIN), actor, ip: "203.0.113.99" },
    ]);
    const alerts = await db().alert.findMany({ where: { ruleId: "t.new-ip" }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.events).toHaveLength(1);
    expect(alerts[0]!.events[0]!.createdAt.getTime()).toBe(now - 30 * MIN);
  });

  it("keeps one alert for a value first seen when its earlier first use is stored after a later one (a backfill out of order)", async () => {
    await addRule({ id: "t.new-ip-late", name: "New address", query: "category:logins", severity: "low", dedupSeconds: 60, condition: "first_seen", settings: { groupBy: "actor", field: "ip", lookbackSeconds: 30 * 86_400 } });
    const actor = { gid: personGid() };
    const now = Date.now();
    const DAY = 24 * 60 * MIN;
    await store([
      { type: "user_login_succeeded", at: new Date(now - 5 * DAY), actor, ip: "198.51.100.201" },
      { type: "user_login_succeeded", at: new Date(now - 1 * DAY), actor, ip: "203.0.113.98" },
    ]);
    expect(await db().alert.count({ where: { ruleId: "t.new-ip-late" } })).toBe(1);
    // The address's real first use, two days before, arrives in a later page.
    await store([{ type: "user_login_succeeded", at: new Date(now - 3 * DAY), actor, ip: "203.0.113.98" }]);
    const alerts = await db().alert.findMany({ where: { ruleId: "t.new-ip-late" }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.firstAt.getTime()).toBe(now - 3 * DAY);
    expect(alerts[0]!.eventCount).toBe(2);
    expect(alerts[0]!.events.map((e) => e.createdAt.getTime()).sort()).toEqual([now - 3 * DAY, now - 1 * DAY]);
    // A new address after an alert that was resolved opens a new one: the admin closed the first.
    await db().alert.updateMany({ where: { ruleId: "t.new-ip-late" }, data: { status: "resolved" } });
    await store([{ type: "user_login_succeeded", at: new Date(now - 4 * DAY), actor, ip: "203.0.113.98" }]);
    expect(await db().alert.count({ where: { ruleId: "t.new-ip-late" } })).toBe(2);
  });

  it("sends an alert the sync raised to a channel, once, signed", async () => {
    await addRule({ id: "t.saml", name: "SAML off", query: "type:workspace_saml_settings_changed", severity: "high", dedupSeconds: 3_600, condition: "match", settings: { groupBy: "actor" } });
    const receiver = await startReceiver(() => 200);
    try {
      await createChannel({ kind: "webhook", name: "SOC", url: `${receiver.url}/hook`, minSeverity: "medium", ruleIds: [] }, { actor: "ana@example.com" });
      await store([{ type: "workspace_saml_settings_changed", at: new Date(Date.now() - MIN), actor: { gid: personGid() } }]);
      const [alert] = await db().alert.findMany({ where: { ruleId: "t.saml" } });
      const deliveries = await db().alertDelivery.findMany({ where: { alertId: alert!.id } });
      expect(deliveries.map((d) => d.status)).toEqual(["pending"]);
      await deliverDue();
      await deliverDue();
      expect(receiver.requests).toHaveLength(1);
      expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ alert: { id: alert!.id.toString(), severity: "high" } });
      expect(receiver.requests[0]!.headers["idempotency-key"]).toBe(deliveries[0]!.idempotencyKey);
    } finally {
      await receiver.close();
      await db().notificationChannel.deleteMany();
    }
  });

  it("judges activity already stored when the marker that makes it suspicious arrives later", async () => {
    await addRule({ id: "t.leaver", name: "Leaver", query: "actor_type:user", severity: "high", dedupSeconds: 3_600, condition: "after", settings: { marker: "type:user_deprovisioned", cancel: "type:user_reprovisioned" } });
    const leaver = { gid: personGid() };
    const now = Date.now();
    await store([{ type: "attachment_downloaded", at: new Date(now - 30 * MIN), actor: leaver }]);
    expect(await db().alert.count({ where: { ruleId: "t.leaver" } })).toBe(0);
    await store([{ type: "user_deprovisioned", at: new Date(now - 60 * MIN), actor: { gid: personGid() }, resourceGid: leaver.gid }]);
    const alerts = await db().alert.findMany({ where: { ruleId: "t.leaver" }, include: { events: true } });
    expect(alerts.map((a) => [a.dedupKey, a.events.length])).toEqual([[leaver.gid, 1]]);
  });

  it("judges a stored success again when the failures before it are stored later, and not when they came after it", async () => {
    await addRule({ id: "t.then", name: "Then", query: "type:user_login_failed", severity: "high", dedupSeconds: 3_600, condition: "threshold", settings: { groupBy: "actor", threshold: 3, windowSeconds: 600, then: "type:user_login_succeeded" } });
    const victim = { gid: personGid() };
    const other = { gid: personGid() };
    const t0 = Date.now() - 2 * 60 * MIN;
    const [success] = await store([{ type: "user_login_succeeded", at: new Date(t0 + 5 * MIN), actor: victim }]);
    await store([{ type: "user_login_succeeded", at: new Date(t0 + 5 * MIN), actor: other }]);
    expect(await db().alert.count({ where: { ruleId: "t.then" } })).toBe(0);
    // Three failures before the victim's success, listed late; three after the other's, which do not precede it.
    const failures = await store([1, 2, 3].map((m) => ({ type: "user_login_failed", at: new Date(t0 + m * MIN), actor: victim })));
    await store([6, 7, 8].map((m) => ({ type: "user_login_failed", at: new Date(t0 + m * MIN), actor: other })));
    const alerts = await db().alert.findMany({ where: { ruleId: "t.then" }, include: { events: true } });
    expect(alerts.map((a) => a.dedupKey)).toEqual([victim.gid]);
    expect(alerts[0]!.events.map((e) => e.eventGid).sort()).toEqual([success!, ...failures].sort());
  });

  it("skips a rule whose filter no longer parses and judges the others", async () => {
    await addRule({ id: "t.broken", name: "Broken", query: "type:(", severity: "low", dedupSeconds: 60, condition: "match", settings: { groupBy: "actor" } });
    await addRule({ id: "t.ok", name: "Fine", query: "type:team_created", severity: "low", dedupSeconds: 60, condition: "match", settings: { groupBy: "actor" } });
    await store([{ type: "team_created", at: new Date(Date.now() - MIN), actor: { gid: personGid() } }]);
    expect(await db().alert.count({ where: { ruleId: "t.ok" } })).toBe(1);
    expect(await db().alert.count({ where: { ruleId: "t.broken" } })).toBe(0);
  });
});
