import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAuditEntries } from "./list";
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

  it("ignores a cursor it did not make rather than failing", async () => {
    expect((await listAuditEntries({ cursor: "garbage", limit: 5 })).entries).toHaveLength(5);
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
