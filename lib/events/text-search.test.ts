import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env, overrideEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { emptyFilter, withCondition } from "./filters";
import { seedEvents } from "./test-events";
import { hasTrigram, textIndexServes, textPieces, withTextIndex } from "./text-search";
import { eventWhere } from "./where";

describe("hasTrigram", () => {
  it.each([
    ["abc", true],
    ["a.b.c", false],
    ["ab", false],
    ["@example.com", true],
    ["1234", true],
    ["émile", true],
    ["éé", false],
    ["", false],
  ])("%j → %s", (term, expected) => expect(hasTrigram(term)).toBe(expected));

  it("is asked of included terms only: an excluded term cannot narrow the rows to read", () => {
    const all = emptyFilter({ kind: "relative", last: "all" });
    expect(textIndexServes(withCondition(all, { dimension: "text", value: "keeling", exclude: false }))).toBe(true);
    expect(textIndexServes(withCondition(all, { dimension: "text", value: "keeling", exclude: true }))).toBe(false);
    expect(textIndexServes(withCondition(all, { dimension: "text", value: "ab", exclude: false }))).toBe(false);
  });
});

describe("withTextIndex", () => {
  beforeAll(async () => {
    await seedEvents(600);
    await db().$executeRawUnsafe("ANALYZE audit_event");
  }, 120_000);

  it("reads a free-text condition through the trigram index, written as where.ts writes it", async () => {
    const filter = withCondition(emptyFilter({ kind: "relative", last: "all" }), { dimension: "text", value: "zz-no-such-text", exclude: false });
    const plan = await withTextIndex<{ "QUERY PLAN": string }>(Prisma.sql`EXPLAIN SELECT gid FROM audit_event WHERE ${eventWhere(filter, { now: new Date() })} ORDER BY created_at DESC LIMIT 51`);
    expect(plan!.map((r) => r["QUERY PLAN"]).join("\n")).toContain("audit_event_text_trgm_idx");
  });

  it("looks an e-mail up by its rarer side, not by the domain every colleague shares", async () => {
    const [row] = await db().$queryRaw<{ email: string }[]>`
      SELECT actor_email AS email FROM audit_event WHERE actor_email LIKE '%@%' GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`;
    const email = row!.email;
    const all = emptyFilter({ kind: "relative", last: "all" });
    const pieces = await textPieces(withCondition(all, { dimension: "text", value: email, exclude: false }));
    expect(pieces.get(email)).toBe(email.split("@")[0]);
    // A term with one piece is looked up whole.
    expect((await textPieces(withCondition(all, { dimension: "text", value: "keeling", exclude: false }))).size).toBe(0);
  });

  it("gives null, not an error, when the query runs past its time", async () => {
    expect(await withTextIndex(Prisma.sql`SELECT pg_sleep(1)`, 50)).toBeNull();
  });

  it("never runs longer than the QUERY_TIMEOUT every statement runs under", async () => {
    const before = env().QUERY_TIMEOUT;
    overrideEnv({ QUERY_TIMEOUT: 50 });
    try {
      expect(await withTextIndex(Prisma.sql`SELECT pg_sleep(0.5)`)).toBeNull();
    } finally {
      overrideEnv({ QUERY_TIMEOUT: before });
    }
  });
});
