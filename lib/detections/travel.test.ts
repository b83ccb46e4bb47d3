import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { greatCircleKm, trip } from "@/lib/geo/travel";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { backtest } from "./backtest";
import { eventFactory, personGid } from "./test-scenarios";
import { reachSeconds, speedSql } from "./travel";

const sql = Prisma.sql;
const HOUR = 3_600_000;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 193, events: 300 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
}, 120_000);
afterAll(() => emulator.close());

describe("impossible travel", () => {
  it("is reckoned in SQL as the actor page reckons a trip (lib/geo/travel.ts)", async () => {
    const point = fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) });
    await fc.assert(
      fc.asyncProperty(point, point, fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 500 }), async (a, b, elapsedMs, accuracyKm) => {
        const start = new Date(Date.UTC(2026, 0, 1));
        const end = new Date(start.getTime() + elapsedMs);
        const end1 = { lat: sql`${a.latitude}::float8`, lon: sql`${a.longitude}::float8`, at: sql`${start}::timestamptz` };
        const end2 = { lat: sql`${b.latitude}::float8`, lon: sql`${b.longitude}::float8`, at: sql`${end}::timestamptz` };
        const [row] = await db().$queryRaw<[{ speed: number }]>`SELECT ${speedSql(end1, end2, accuracyKm)}::float8 AS speed`;
        const expected = trip({ at: start, point: a }, { at: end, point: b }, { allowanceKm: accuracyKm })!.speedKmh;
        expect(Math.abs(row.speed - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, expected));
      }),
      { numRuns: 150 },
    );
  });

  it("looks no further back than a too-fast trip can span", () => {
    const settings = { speedKmh: 900, accuracyKm: 50 };
    const antipodes = greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 });
    // The furthest trip there is, taking the whole reach: no faster than the speed allowed.
    const furthest = trip({ at: 0, point: { latitude: 0, longitude: 0 } }, { at: reachSeconds(settings) * 1000, point: { latitude: 0, longitude: 180 } }, { maxSpeedKmh: 900, allowanceKm: 50 })!;
    expect(antipodes).toBeGreaterThan(20_000);
    expect(furthest.impossible).toBe(false);
    expect(reachSeconds(settings)).toBeLessThan(23 * 3_600);
    expect(reachSeconds({ speedKmh: 100, accuracyKm: 0 })).toBeLessThan(201 * 3_600);
  });

  it("judges a sign-in stored late between the two it falls between, and the backtest finds the same trips", async () => {
    await db().detectionRule.create({
      data: { id: "t.travel", name: "Impossible travel (test)", query: "type:user_login_succeeded", severity: "high", dedupSeconds: 6 * 3_600, condition: "travel", settings: { speedKmh: 900, accuracyKm: 50 }, detailsMatch: [] },
    });
    const make = eventFactory(emulator);
    const actor = { gid: personGid() };
    const now = Date.now();
    // Berlin's office, twice: no trip at all.
    const berlin = [3, 1].map((hours) => make({ type: "user_login_succeeded", at: new Date(now - hours * HOUR), actor, ip: "57.133.66.40" }));
    emulator.control.addEvents(berlin, { storedAt: now });
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    expect(await db().alert.count({ where: { ruleId: "t.travel", dedupKey: actor.gid } })).toBe(0);

    // Tokyo's office between them, listed by Asana later: Berlin → Tokyo → Berlin, an hour apart each.
    const tokyo = make({ type: "user_login_succeeded", at: new Date(now - 2 * HOUR), actor, ip: "49.239.90.40" });
    emulator.control.addEvents([tokyo], { storedAt: now + 1_000 });
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    const alerts = await db().alert.findMany({ where: { ruleId: "t.travel", dedupKey: actor.gid }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.events.map((e) => e.eventGid).sort()).toEqual([...berlin.map((e) => e.gid as string), tokyo.gid as string].sort());

    const rule = await db().detectionRule.findUniqueOrThrow({ where: { id: "t.travel" } });
    const result = await backtest({ query: rule.query, detailsMatch: [], dedupSeconds: rule.dedupSeconds, condition: "travel", settings: { speedKmh: 900, accuracyKm: 50 } }, { from: new Date(now - 86_400_000), to: new Date(now + 60_000) });
    if ("error" in result) throw new Error(result.error);
    expect(result.recent.filter((a) => a.key === actor.gid)).toEqual([expect.objectContaining({ events: 3 })]);
  });
});
