import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseSearch } from "@/lib/http/route";
import { listAuditEntries } from "./list";
import { auditApiSearch } from "./search-params";
import { recordAuditEntry } from "./record";

beforeAll(async () => {
  await db().$executeRawUnsafe("TRUNCATE dashboard_audit_entry");
  const base = Date.parse("2026-11-01T00:00:00Z");
  // 120 entries, some sharing a timestamp, so that the keyset must break ties by id.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    at: new Date(base + Math.floor(i / 3) * 1000),
    actorEmail: i % 4 === 0 ? null : `admin${i % 3}@example.com`,
    action: i % 5 === 0 ? "sync.trigger" : "sign_in.success",
    ip: "192.0.2.1",
  }));
  await db().dashboardAuditEntry.createMany({ data: rows });
});

describe("listAuditEntries", () => {
  it("pages newest first by keyset, every entry exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previousAt = Infinity;
    do {
      const page = await listAuditEntries({ cursor, limit: 25 });
      for (const entry of page.entries) {
        expect(Date.parse(entry.at)).toBeLessThanOrEqual(previousAt);
        previousAt = Date.parse(entry.at);
        seen.push(entry.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it("filters by action and by part of the actor's e-mail", async () => {
    const syncs = await listAuditEntries({ action: "sync.trigger", limit: 200 });
    expect(syncs.entries).toHaveLength(24);
    expect(syncs.entries.every((e) => e.action === "sync.trigger")).toBe(true);
    const admin1 = await listAuditEntries({ actor: "ADMIN1@", limit: 200 });
    expect(admin1.entries.length).toBeGreaterThan(0);
    expect(admin1.entries.every((e) => e.actorEmail === "admin1@example.com")).toBe(true);
    expect(admin1.nextCursor).toBeNull();
  });

  it("case 5: refuses a cursor it did not make with a 400 that says so, years 0000 and -271821 included", () => {
    const id = "6f1c2b1e-0000-4000-8000-000000000000";
    const cursorOf = (text: string) => Buffer.from(text).toString("base64url");
    for (const cursor of ["garbage", cursorOf(`0000-01-01T00:00:00.000Z|${id}`), cursorOf(`-271821-04-20T00:00:00.000Z|${id}`), cursorOf(`2026-02-30T00:00:00.000Z|${id}`), cursorOf(`2026-11-01T00:00:00Z|${id}`), cursorOf(`2026-11-01T00:00:00.000Z|${id}|x`)]) {
      expect(() => parseSearch(auditApiSearch, new URLSearchParams({ cursor })), cursor).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/^cursor: .*not a position this API gave/) }));
    }
    expect(parseSearch(auditApiSearch, new URLSearchParams({ cursor: cursorOf(`0001-01-01T00:00:00.000Z|${id}`) })).cursor).toBeDefined();
  });

  it("reads the oldest and newest positions PostgreSQL holds", async () => {
    const id = "6f1c2b1e-0000-4000-8000-000000000000";
    const at = (iso: string) => listAuditEntries({ cursor: Buffer.from(`${iso}|${id}`).toString("base64url"), limit: 5 });
    expect((await at("0001-01-01T00:00:00.000Z")).entries).toHaveLength(0);
    expect((await at("9999-12-31T23:59:59.999Z")).entries).toHaveLength(5);
  });

  it("records who, what, on what and from where, lower-casing the actor", async () => {
    await recordAuditEntry({
      actor: "Someone@Example.com",
      action: "export.csv",
      target: "events?type=x",
      request: new Headers({ "x-forwarded-for": "203.0.113.5", "user-agent": "UA/1" }),
      details: { rows: 10 },
    });
    const [latest] = (await listAuditEntries({ action: "export.csv" })).entries;
    expect(latest).toMatchObject({ actorEmail: "someone@example.com", target: "events?type=x", ip: "203.0.113.5", userAgent: "UA/1", details: { rows: 10 } });
  });
});
