import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { dbPool } from "@/lib/db/client";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { chainLink, digestDay, digestDayStreaming, GENESIS } from "./digest";

/**
 * A day's digest is defined on bytes an auditor can reproduce: each event's raw JSON in gid
 * byte order, each followed by a newline. PostgreSQL's own hashing (ordinary days) and the
 * streamed one (days too large for one of its strings) must give the same digest, hostile
 * records included.
 */
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 73, events: 900, hostile: { rounds: 1 } });
  await runSync(emulator);
});
afterAll(() => emulator.close());

describe("a day's digest", () => {
  it("is the same computed in PostgreSQL and streamed, and equals the definition", async () => {
    const client = await dbPool().connect();
    try {
      await client.query("BEGIN");
      const { rows: days } = await client.query<{ day: string }>(
        "SELECT DISTINCT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day FROM audit_event ORDER BY 1",
      );
      expect(days.length).toBeGreaterThan(80);
      for (const { day } of [...days.slice(0, 5), ...days.slice(-5), { day: "2001-01-01" }]) {
        const inDatabase = await digestDay(client, emulator.workspaceGid, day);
        expect(await digestDayStreaming(client, emulator.workspaceGid, day)).toEqual(inDatabase);
        const { rows } = await client.query<{ gid: string; raw: string }>(
          "SELECT gid, raw FROM audit_event WHERE (created_at AT TIME ZONE 'UTC')::date = $1::date",
          [day],
        );
        const bytes = rows.sort((a, b) => Buffer.compare(Buffer.from(a.gid), Buffer.from(b.gid))).map((r) => `${r.raw}\n`).join("");
        expect(inDatabase).toEqual({ digest: createHash("sha256").update(bytes, "utf8").digest("hex"), events: rows.length });
      }
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });

  it("chains as sha256 of the line '<previous> <day> <digest>'", () => {
    const digest = createHash("sha256").update("").digest("hex");
    expect(chainLink(GENESIS, "2026-01-01", digest)).toBe(createHash("sha256").update(`${"0".repeat(64)} 2026-01-01 ${digest}\n`).digest("hex"));
  });
});
