import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";

/** The export endpoint's answers around the file itself: HEAD, and a read that fails. */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "a", email: "exporter@example.com", name: "Exporter", provider: "credentials" }),
}));

const { GET } = await import("./route");
const call = (method: string, search = "?range=all") => GET(new NextRequest(`http://localhost/api/events/export${search}`, { method }), { params: Promise.resolve({}) });
const trail = () => db().dashboardAuditEntry.findMany({ orderBy: { at: "asc" } });

beforeEach(async () => {
  await db().$executeRawUnsafe("TRUNCATE dashboard_audit_entry");
});

describe("case 7: HEAD on the export", () => {
  it("answers the file's headers without reading events or recording an export", async () => {
    const spy = vi.spyOn(db(), "$queryRaw");
    const answer = await call("HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="asana-audit-events-.*\.csv"$/);
    expect(await answer.text()).toBe("");
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(await trail()).toEqual([]);
  });

  it("still checks the parameters", async () => {
    expect((await call("HEAD", "?format=xlsx")).status).toBe(400);
  });
});

describe("case 6: an export whose reading fails", () => {
  it("answers a 500 before the first byte, and the audit trail says it failed", async () => {
    await db().$executeRawUnsafe("ALTER TABLE audit_event RENAME TO audit_event_away");
    let answer: Response;
    try {
      answer = await call("GET");
    } finally {
      await db().$executeRawUnsafe("ALTER TABLE audit_event_away RENAME TO audit_event");
    }
    expect(answer.status).toBe(500);
    expect(answer.headers.get("content-disposition")).toBeNull();
    expect((await trail()).map((e) => [e.action, e.actorEmail, e.details])).toEqual([
      ["export.csv", "exporter@example.com", expect.objectContaining({ format: "csv" })],
      ["export.failed", "exporter@example.com", { format: "csv", rows: 0, fileSent: false, cutShort: false }],
    ]);
  });
});
