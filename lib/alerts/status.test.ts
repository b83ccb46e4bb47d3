import { beforeEach, describe, expect, it } from "vitest";
import { db, dbPool } from "@/lib/db/client";
import { getAlert } from "./get-alert";
import { alertStatusInput, changeAlertStatus } from "./status";
import { insertTestAlerts, insertTestRule } from "./test-alerts";

const AT = new Date("2026-11-20T10:00:00Z");
const request = new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "UA/1" });
let ids: string[] = [];

beforeEach(async () => {
  await db().$executeRawUnsafe("TRUNCATE alert, alert_event, detection_rule, dashboard_audit_entry, audit_event CASCADE");
  await insertTestRule(dbPool(), { id: "test.rule", name: "Mass deletion", description: "Fifty deletions", runbook: "Call them", helpUrl: "https://help.asana.com/x" });
  ids = await insertTestAlerts(
    dbPool(),
    ["open", "open", "acknowledged", "resolved"].map((status, i) => ({
      ruleId: "test.rule",
      severity: "high",
      status,
      title: `Mass deletion ${i}`,
      firstAt: AT,
      lastAt: new Date(AT.getTime() + i * 1000),
      actorKey: "1001",
      events: [
        { gid: `9${i}02`, at: new Date(AT.getTime() + 500) },
        { gid: `9${i}01`, at: AT },
      ],
    })),
  );
});

const rows = async () =>
  db().alert.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, acknowledgedBy: true, acknowledgedAt: true, resolvedBy: true, resolvedAt: true } });
const trail = () => db().dashboardAuditEntry.findMany({ orderBy: { at: "asc" } });

describe("changeAlertStatus", () => {
  it("acknowledges the open alerts named, leaves the others and says which, in one audit entry", async () => {
    const result = await changeAlertStatus({ ids: [ids[0]!, ids[1]!, ids[3]!, "999999"], action: "acknowledge" }, { actor: "Ann@Example.com", request });
    expect(result).toEqual({ action: "acknowledge", changed: [ids[0], ids[1]], unchanged: [{ id: ids[3], status: "resolved" }], missing: ["999999"] });
    const [a, b, c, d] = await rows();
    for (const row of [a, b]) expect(row).toMatchObject({ status: "acknowledged", acknowledgedBy: "ann@example.com", acknowledgedAt: expect.any(Date) });
    expect(c).toMatchObject({ status: "acknowledged", acknowledgedBy: null });
    expect(d).toMatchObject({ status: "resolved" });
    expect((await trail()).map((e) => [e.action, e.actorEmail, e.target, e.details, e.ip])).toEqual([
      ["alert.acknowledge", "ann@example.com", "2 alerts", { alertIds: [ids[0], ids[1]], status: "acknowledged" }, "203.0.113.9"],
    ]);
  });

  it("resolves open and acknowledged alerts, reopens them, and records nothing when nothing changes", async () => {
    expect((await changeAlertStatus({ ids: [ids[0]!, ids[2]!], action: "resolve" }, { actor: "bob@example.com", request })).changed).toEqual([ids[0], ids[2]]);
    expect(await rows()).toMatchObject([{ status: "resolved", resolvedBy: "bob@example.com" }, { status: "open" }, { status: "resolved", resolvedBy: "bob@example.com" }, { status: "resolved" }]);
    expect((await changeAlertStatus({ ids: [ids[0]!], action: "reopen" }, { actor: "ann@example.com", request })).changed).toEqual([ids[0]]);
    expect((await rows())[0]).toEqual({ id: BigInt(ids[0]!), status: "open", acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null });
    // Reopening an open alert, or acknowledging a resolved one, changes nothing and records nothing.
    expect(await changeAlertStatus({ ids: [ids[1]!], action: "reopen" }, { actor: "ann@example.com", request })).toMatchObject({ changed: [], unchanged: [{ id: ids[1], status: "open" }] });
    expect(await changeAlertStatus({ ids: [ids[3]!], action: "acknowledge" }, { actor: "ann@example.com", request })).toMatchObject({ changed: [] });
    expect((await trail()).map((e) => [e.action, e.target])).toEqual([
      ["alert.resolve", "2 alerts"],
      ["alert.reopen", `alert ${ids[0]}`],
    ]);
  });

  it("shows the status history of one alert in its detail, newest first, with its rule and its events", async () => {
    await changeAlertStatus({ ids: [ids[0]!, ids[1]!], action: "acknowledge" }, { actor: "ann@example.com", request });
    await changeAlertStatus({ ids: [ids[0]!], action: "resolve" }, { actor: "bob@example.com", request });
    await changeAlertStatus({ ids: [ids[1]!], action: "resolve" }, { actor: "carol@example.com", request });
    await db().$executeRawUnsafe(
      `INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, actor_type, raw) VALUES ('9001', '1', '2026-11-20T10:00:00Z', 'task_deleted', 'user', '{}')`,
    );
    const detail = (await getAlert(ids[0]!))!;
    expect(detail.history.map((h) => [h.action, h.actorEmail])).toEqual([
      ["resolve", "bob@example.com"],
      ["acknowledge", "ann@example.com"],
    ]);
    expect(detail).toMatchObject({
      status: "resolved",
      resolvedBy: "bob@example.com",
      acknowledgedBy: "ann@example.com",
      dedupKey: "1001",
      rule: { id: "test.rule", name: "Mass deletion", description: "Fifty deletions", runbook: "Call them", helpUrl: "https://help.asana.com/x", condition: "match" },
      events: [
        { gid: "9001", at: AT.toISOString(), eventType: "task_deleted" },
        { gid: "9002", at: new Date(AT.getTime() + 500).toISOString(), eventType: null },
      ],
    });
    expect(await getAlert("999999")).toBeNull();
  });
});

describe("alertStatusInput", () => {
  it("refuses what is not a list of alert ids and an action", () => {
    for (const input of [{ ids: [], action: "resolve" }, { ids: ["1"], action: "delete" }, { ids: ["x1"], action: "resolve" }, { ids: ["0"], action: "resolve" }, { ids: ["1"], action: "resolve", extra: 1 }, { ids: Array.from({ length: 501 }, (_, i) => String(i + 1)), action: "resolve" }]) {
      expect(alertStatusInput.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(false);
    }
    expect(alertStatusInput.parse({ ids: ["12", "12", "13"], action: "resolve" })).toEqual({ ids: ["12", "13"], action: "resolve" });
  });
});
