import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, dbPool } from "@/lib/db/client";
import { insertTestAlerts, insertTestRule } from "@/lib/alerts/test-alerts";

/** The inbox's routes as an admin calls them: bad input is a 400 that says why, never a 500. */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "b", email: "Bob@Example.com", name: "Bob", provider: "credentials" }),
}));

const list = await import("./route");
const one = await import("./[id]/route");
const status = await import("./status/route");
const count = await import("./count/route");

const get = <P,>(handler: (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>, url: string, params = {} as P) => handler(new NextRequest(`http://localhost${url}`), { params: Promise.resolve(params) });
const post = (body: string) =>
  status.POST(new NextRequest("http://localhost/api/alerts/status", { method: "POST", body, headers: { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" } }), {
    params: Promise.resolve({}),
  });

let ids: string[] = [];
beforeAll(async () => {
  await db().$executeRawUnsafe("TRUNCATE alert, alert_event, detection_rule, dashboard_audit_entry CASCADE");
  await insertTestRule(dbPool(), { id: "test.rule", name: "Mass deletion" });
  const at = new Date("2026-11-20T10:00:00Z");
  ids = await insertTestAlerts(dbPool(), [0, 1, 2].map((i) => ({ ruleId: "test.rule", severity: "high", title: `Alert ${i}`, firstAt: at, lastAt: new Date(at.getTime() + i) })));
});

describe("GET /api/alerts", () => {
  it("answers a page of alerts", async () => {
    const answer = await get(list.GET, "/api/alerts?severity=high&limit=2");
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { alerts: Array<{ id: string }>; nextCursor: string | null };
    expect(body.alerts.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    const next = await get(list.GET, `/api/alerts?severity=high&limit=2&cursor=${body.nextCursor}`);
    expect(((await next.json()) as { alerts: Array<{ id: string }> }).alerts.map((a) => a.id)).toEqual([ids[0]]);
  });

  it.each([
    ["status=bogus", "status"],
    ["severity=high,bogus", "severity"],
    ["rule=a%20b", "rule"],
    ["actor=%00", "actor"],
    ["range=1y", "range"],
    ["limit=201", "limit"],
    ["cursor=bm90LW91cnM", "cursor"],
    ["status=open&status=resolved", "status"],
    ["page=2", "page"],
  ])("refuses ?%s with a 400 naming %s", async (search, param) => {
    const answer = await get(list.GET, `/api/alerts?${search}`);
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(param);
  });
});

describe("GET /api/alerts/[id]", () => {
  it("answers an alert, and 404 for an id of none or no id at all", async () => {
    expect((await get(one.GET, `/api/alerts/${ids[0]}`, { id: ids[0]! })).status).toBe(200);
    for (const id of ["999999", "abc", "0", "1".repeat(40)]) expect((await get(one.GET, `/api/alerts/${id}`, { id })).status, id).toBe(404);
  });
});

describe("POST /api/alerts/status", () => {
  it("acknowledges under the signed-in admin, and the count drops", async () => {
    expect(await (await get(count.GET, "/api/alerts/count")).json()).toEqual({ open: 3 });
    const answer = await post(JSON.stringify({ ids: [ids[0]], action: "acknowledge" }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ action: "acknowledge", changed: [ids[0]], unchanged: [], missing: [] });
    expect(await (await get(count.GET, "/api/alerts/count")).json()).toEqual({ open: 2 });
    expect(await db().dashboardAuditEntry.findMany({ select: { action: true, actorEmail: true } })).toEqual([{ action: "alert.acknowledge", actorEmail: "bob@example.com" }]);
  });

  it.each([["not json"], [JSON.stringify({ ids: [], action: "resolve" })], [JSON.stringify({ ids: ["1"], action: "delete" })], [JSON.stringify({ ids: [1], action: "resolve" })]])("refuses %s with a 400", async (body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});
