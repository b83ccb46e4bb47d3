import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createSavedQuery } from "@/lib/saved-queries/save-query";

/** Case 7: another admin's change to a saved query shows in the audit trail, with whose it was. */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "b", email: "bob@example.com", name: "Bob", provider: "credentials" }),
}));

const { PATCH, DELETE } = await import("./route");
const call = (handler: typeof PATCH, id: string, body?: unknown) =>
  handler(new NextRequest(`http://localhost/api/saved-queries/${id}`, { method: handler === PATCH ? "PATCH" : "DELETE", body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({ id }) });

beforeEach(async () => {
  await db().$executeRawUnsafe("TRUNCATE dashboard_audit_entry, saved_query");
});

describe("case 7: changing another admin's saved query", () => {
  it("records the change under the admin who made it, with the owner and what it was before", async () => {
    const saved = await createSavedQuery({ name: "Alice's deletions", note: "for the audit", search: "category=deletion&range=7d" }, { actor: "alice@example.com", request: {} });
    expect((await call(PATCH, saved.id, { name: "Renamed by Bob" })).status).toBe(200);
    expect((await call(DELETE, saved.id)).status).toBe(200);
    const trail = await db().dashboardAuditEntry.findMany({ where: { action: { not: "saved_query.create" } }, orderBy: { at: "asc" } });
    expect(trail.map((e) => [e.action, e.actorEmail, e.target, e.details])).toEqual([
      ["saved_query.update", "bob@example.com", saved.id, { changed: ["name"], name: "Renamed by Bob", owner: "alice@example.com", byOwner: false, before: { name: "Alice's deletions" } }],
      [
        "saved_query.delete",
        "bob@example.com",
        saved.id,
        expect.objectContaining({ owner: "alice@example.com", byOwner: false, before: { name: "Renamed by Bob", note: "for the audit", search: saved.search, timeMode: "relative" } }),
      ],
    ]);
  });

  it("answers 404 for a query that is not there, recording nothing", async () => {
    expect((await call(PATCH, "AAAAAAAAAA", { name: "x" })).status).toBe(404);
    expect(await db().dashboardAuditEntry.count()).toBe(0);
  });
});
