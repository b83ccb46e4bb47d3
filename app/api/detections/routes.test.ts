import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { BUILTIN_RULES } from "@/lib/detections/builtin-rules";
import { db } from "@/lib/db/client";
import { ensureBuiltinRules } from "@/lib/detections/builtin-sync";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";

/** The rules' routes as an admin calls them: bad input is a 400 that says why, rule changes are in the audit trail. */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "b", email: "ana@example.com", name: "Ana", provider: "credentials" }),
}));

const rules = await import("./rules/route");
const one = await import("./rules/[id]/route");
const backtestRoute = await import("./backtest/route");

const headers = { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" };
const call = <P,>(handler: (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>, url: string, init: { method?: string; body?: unknown } = {}, params = {} as P) =>
  handler(new NextRequest(`http://localhost${url}`, { method: init.method ?? "GET", ...(init.body === undefined ? {} : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body), headers }) }), { params: Promise.resolve(params) });

const custom = { name: "Deletions by anyone", query: "category:deletion", severity: "low", dedupSeconds: 3600, condition: "threshold", settings: { groupBy: "actor", threshold: 3, windowSeconds: 86_400 } };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 174, events: 2_000 });
  await ensureBuiltinRules();
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

describe("the rules API", () => {
  it("lists the built-in rules with what they raised", async () => {
    const answer = await call(rules.GET, "/api/detections/rules");
    const body = (await answer.json()) as { rules: Array<{ id: string; builtin: boolean; openAlerts: number }> };
    expect(body.rules.filter((r) => r.builtin).map((r) => r.id).sort()).toEqual(BUILTIN_RULES.map((r) => r.id).sort());
    expect(body.rules.some((r) => r.openAlerts > 0)).toBe(true);
  });

  it("creates, tunes, switches off and deletes a rule, each change in the audit trail", async () => {
    const created = await call(rules.POST, "/api/detections/rules", { method: "POST", body: custom });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: string; version: number };
    const tuned = await call(one.PATCH, `/api/detections/rules/${rule.id}`, { method: "PATCH", body: { settings: { ...custom.settings, threshold: 5 }, enabled: false } }, { id: rule.id });
    expect(await tuned.json()).toMatchObject({ version: 2, enabled: false, settings: { threshold: 5 } });
    expect((await call(one.DELETE, `/api/detections/rules/${rule.id}`, { method: "DELETE" }, { id: rule.id })).status).toBe(200);
    expect((await call(one.GET, `/api/detections/rules/${rule.id}`, {}, { id: rule.id })).status).toBe(404);
    const trail = await db().dashboardAuditEntry.findMany({ where: { target: rule.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => [e.action, e.actorEmail])).toEqual([
      ["rule.create", "ana@example.com"],
      ["rule.update", "ana@example.com"],
      ["rule.delete", "ana@example.com"],
    ]);
    expect(trail[1]!.details).toMatchObject({ changed: ["settings", "enabled"] });
  });

  it("keeps a built-in rule: switched off, not deleted", async () => {
    const id = "builtin.token-created";
    expect((await call(one.DELETE, `/api/detections/rules/${id}`, { method: "DELETE" }, { id })).status).toBe(409);
    const off = await call(one.PATCH, `/api/detections/rules/${id}`, { method: "PATCH", body: { enabled: false } }, { id });
    expect(await off.json()).toMatchObject({ enabled: false, builtin: true });
  });

  it.each([
    ["a query that does not parse", { ...custom, query: "type:(" }, "query"],
    ["an unknown condition", { ...custom, condition: "sometimes" }, "condition"],
    ["a threshold of one", { ...custom, settings: { ...custom.settings, threshold: 1 } }, "threshold"],
    ["a window of a year", { ...custom, settings: { ...custom.settings, windowSeconds: 365 * 86_400 } }, "windowSeconds"],
    ["a details key that is not one", { ...custom, detailsMatch: [{ path: "new value; DROP", anyOf: ["x"] }] }, "path"],
    ["an unknown severity", { ...custom, severity: "urgent" }, "severity"],
    ["not JSON", "{", "JSON"],
    ["a misspelt field, which would have been ignored", { ...custom, enabeld: false }, "enabeld: not a field of a rule"],
    ["a marker of spaces, which would match every event", { ...custom, condition: "after", settings: { marker: "   " } }, "settings.marker: enter a query"],
    ["a name PostgreSQL cannot store", { ...custom, name: "a\u0000b" }, "name: the value holds a NUL"],
    ["details values PostgreSQL cannot store", { ...custom, detailsMatch: [{ path: "new_value", anyOf: ["\ud800"] }] }, "detailsMatch.0.anyOf.0: the value holds half of a UTF-16 surrogate pair"],
  ])("refuses %s with a 400 naming it", async (_name, body, word) => {
    const answer = await call(rules.POST, "/api/detections/rules", { method: "POST", body });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(word);
  });

  it("answers 404 for a rule id of none, and 400 for a PATCH that is not an object", async () => {
    expect((await call(one.GET, "/api/detections/rules/nope", {}, { id: "nope" })).status).toBe(404);
    expect((await call(one.GET, "/api/detections/rules/r_0000000000", {}, { id: "r_0000000000" })).status).toBe(404);
    expect((await call(one.PATCH, "/api/detections/rules/builtin.token-created", { method: "PATCH", body: "[1]" }, { id: "builtin.token-created" })).status).toBe(400);
    for (const [body, reason] of [[{}, "nothing to change"], [{ version: 99 }, "version: not a field of a rule"], [{ name: "a\u0000" }, "name: the value holds a NUL"]] as const) {
      const answer = await call(one.PATCH, "/api/detections/rules/builtin.token-created", { method: "PATCH", body }, { id: "builtin.token-created" });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(reason);
    }
  });

  it("backtests a rule as edited, with links to its alerts' events", async () => {
    const answer = await call(backtestRoute.POST, "/api/detections/backtest", { method: "POST", body: { rule: custom, days: 120, tz: "utc" } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { alerts: number; lastAt: string | null; recent: Array<{ eventsHref: string; actorHref: string | null }> };
    expect(body.alerts).toBeGreaterThan(0);
    expect(body.recent[0]!.eventsHref).toMatch(/^\/events\?.*category/);
    expect(body.recent[0]!.eventsHref).toContain("tz=utc");
    const bad = await call(backtestRoute.POST, "/api/detections/backtest", { method: "POST", body: { rule: custom, days: 0 } });
    expect(bad.status).toBe(400);
  });
});
