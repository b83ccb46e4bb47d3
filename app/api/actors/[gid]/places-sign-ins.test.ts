import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dbPool } from "@/lib/db/client";
import { geoHistory, insertGeoHistory, TRAVELLER } from "@/lib/testing/geo-history";
import { boundaryCursors, EVENT_KEYS as KEYS, generator, HOSTILE, VALID } from "@/lib/testing/hostile-values";

/**
 * An actor's places and sign-ins under hostile input: generated parameter sets (unknown and
 * repeated keys, filters they do not take, huge and malformed values) and hostile keys in the
 * path. Each answer is a 400 that says what is wrong, or a valid result: never a 500.
 */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "a", email: "tester@example.com", name: "Tester", provider: "credentials" }),
}));

const { GET: places } = await import("./places/route");
const { GET: signIns } = await import("./sign-ins/route");
const ROUTES = [
  ["places", places],
  ["sign-ins", signIns],
] as const;

beforeAll(async () => {
  await insertGeoHistory(dbPool(), geoHistory());
});

async function call(handler: (typeof ROUTES)[number][1], gid: string, search: string) {
  const response = await handler(new NextRequest(`http://localhost/api/actors/${encodeURIComponent(gid)}/x?${search}`), { params: Promise.resolve({ gid: encodeURIComponent(gid) }) });
  const text = await response.text();
  const what = `${gid.slice(0, 40)}?${search.slice(0, 200)} → ${response.status}`;
  expect([200, 400], what).toContain(response.status);
  expect(text, what).not.toMatch(/\n\s+at |node_modules|Prisma|stack/);
  const body = JSON.parse(text) as { error?: { code: string; message: string } };
  if (response.status === 400) expect(body.error!.message.length, what).toBeGreaterThan(5);
  return { status: response.status, body };
}

describe("an actor's places and sign-ins under hostile input", () => {
  it("answer 300 generated parameter sets with a 400 or a valid result", async () => {
    const statuses: Record<number, number> = { 200: 0, 400: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const { next, pick } = generator(seed);
      const params = new URLSearchParams();
      for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) {
        const key = pick(["range", "from", "to", "tz", "after", "size", ...KEYS]);
        const valid = VALID[key];
        params.append(key, valid && next() < 0.5 ? pick(valid) : pick(HOSTILE));
      }
      for (const [, handler] of ROUTES) statuses[(await call(handler, TRAVELLER.gid, params.toString())).status]! += 1;
    }
    expect(statuses[200]).toBeGreaterThan(20);
    expect(statuses[400]).toBeGreaterThan(300);
  }, 300_000);

  it("refuse filters they do not take and paging backwards, saying so", async () => {
    const refused = await call(signIns, TRAVELLER.gid, "range=all&type=task_created&sort=oldest&before=2026-11-20T10:00:00.000Z~1");
    expect(refused.status).toBe(400);
    expect(refused.body.error!.message).toMatch(/^filter: .*time range only.*; sort: .*; before: /);
    expect((await call(places, TRAVELLER.gid, "range=all&ip=10.0.0.0/8")).body.error!.message).toMatch(/time range only/);
  });

  it("page from boundary positions and answer hostile actor keys", async () => {
    for (const cursor of boundaryCursors()) {
      const { status } = await call(signIns, TRAVELLER.gid, new URLSearchParams({ range: "all", after: cursor }).toString());
      if (cursor.startsWith("0001") || cursor.startsWith("9999")) expect(status, cursor).toBe(200);
    }
    for (const gid of ["__proto__", "constructor", "9".repeat(65), "x".repeat(5_000), "\u202eadmin", "1"]) {
      for (const [, handler] of ROUTES) await call(handler, gid, "range=all");
    }
    const empty = await call(places, "__proto__", "range=all");
    expect(empty.body).toMatchObject({ countries: [], networks: [], events: 0 });
  });
});
