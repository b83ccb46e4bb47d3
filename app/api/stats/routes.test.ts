import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "stats-test-secret-stats-test-secret-0123";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

import { encode } from "next-auth/jwt";
import { GET as actorEvents } from "@/app/api/actors/[gid]/events/route";
import { GET as actorProfile } from "@/app/api/actors/[gid]/route";
import { GET as actorList } from "@/app/api/actors/route";
import { GET as resourceEvents } from "@/app/api/resources/[gid]/events/route";
import { GET as statsPanel } from "@/app/api/stats/[panel]/route";
import type { Emulator } from "@/lib/asana/emulator";
import { addAdmin } from "@/lib/auth/admins";
import { sessionCookieName } from "@/lib/auth/session";
import { openSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";

let emulator: Emulator;
let cookie: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 91, events: 800 });
  await runSync(emulator);
  const admin = await addAdmin({ email: "stats-test@example.com", password: "stats test password" });
  const session = await openSession({ adminId: admin.id, provider: "credentials" });
  cookie = `${sessionCookieName()}=${await encode({ token: { sid: session.id, email: admin.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
});
afterAll(() => emulator.close());

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

async function call<P>(handler: Handler<P>, path: string, params: P, signedIn = true) {
  const response = await handler(new NextRequest(`http://localhost:3000${path}`, { headers: signedIn ? { cookie } : {} }), { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as any };
}

describe("GET /api/stats/[panel]", () => {
  it("answers each panel under the explorer's parameters", async () => {
    const over = await call(statsPanel, "/api/stats/over-time?range=all&stack=actor_type", { panel: "over-time" });
    expect(over.status).toBe(200);
    expect(over.body).toMatchObject({ seriesBy: "actorType", total: 800 });
    const types = await call(statsPanel, "/api/stats/event-types?range=all&actor_type=user", { panel: "event-types" });
    expect(types.body.total).toBe(await db().auditEvent.count({ where: { actorType: "user" } }));
    const map = await call(statsPanel, "/api/stats/map?range=all&map=sign_ins", { panel: "map" });
    expect(map.body).toMatchObject({ subject: "sign_ins", total: await db().auditEvent.count({ where: { eventType: "user_login_succeeded" } }) });
    expect((await call(statsPanel, "/api/stats/map?range=all", { panel: "map" })).body).toMatchObject({ subject: "events", total: 800 });
  });

  it("refuses bad panels and parameters with a 400 naming each one, and anonymous callers with a 401", async () => {
    const panel = await call(statsPanel, "/api/stats/pie", { panel: "pie" });
    expect(panel.status).toBe(400);
    expect(panel.body.error.details.issues).toEqual([expect.objectContaining({ field: "panel" })]);
    const params = await call(statsPanel, "/api/stats/presets?range=banana&actor_type=robot", { panel: "presets" });
    expect(params.status).toBe(400);
    expect(params.body.error.details.errors.map((e: { param: string }) => e.param).sort()).toEqual(["actor_type", "range"]);
    expect((await call(statsPanel, "/api/stats/over-time?stack=sideways", { panel: "over-time" })).status).toBe(400);
    const map = await call(statsPanel, `/api/stats/map?map=${encodeURIComponent("__proto__\u202e".repeat(20_000))}`, { panel: "map" });
    expect(map.status).toBe(400);
    expect(map.body.error.details.errors).toEqual([expect.objectContaining({ param: "map", message: expect.stringContaining("use one of events, sign_ins") })]);
    // The overview's URL: the explorer's view settings (columns, page size) are not its own.
    const view = await call(statsPanel, "/api/stats/over-time?size=50&stack=category&stack=category", { panel: "over-time" });
    expect(view.body.error.details.errors.map((e: { param: string }) => e.param).sort()).toEqual(["size", "stack"]);
    expect((await call(statsPanel, "/api/stats/presets", { panel: "presets" }, false)).status).toBe(401);
  });
});

describe("GET /api/actors and /api/resources", () => {
  it("list, profile and page an actor; page a resource", async () => {
    const list = await call(actorList, "/api/actors?sort=events", {});
    expect(list.status).toBe(200);
    // Unknown and repeated keys are refused, as the explorer refuses them.
    const refused = await call(actorList, "/api/actors?sort=events&sort=name&colour=red&page=0", {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: { param: string }) => e.param).sort()).toEqual(["colour", "page", "sort"]);
    const gid = list.body.rows[0].gid as string;
    expect((await call(actorProfile, `/api/actors/${gid}`, { gid })).body).toMatchObject({ gid });
    const events = await call(actorEvents, `/api/actors/${gid}/events?range=all&size=50`, { gid });
    expect(events.body.events.length).toBeGreaterThan(0);
    const resource = (await db().auditEvent.findFirstOrThrow({ where: { resourceGid: { not: null } } })).resourceGid!;
    const history = await call(resourceEvents, `/api/resources/${resource}/events?range=all`, { gid: resource });
    expect(history.body.events.every((e: { resourceGid: string }) => e.resourceGid === resource)).toBe(true);
  });

  it("answers 400 for bad input and 404 for unknown gids", async () => {
    const list = await call(actorList, "/api/actors?sort=height&page=0", {});
    expect(list.status).toBe(400);
    expect(list.body.error.details.errors.map((e: { param: string }) => e.param).sort()).toEqual(["page", "sort"]);
    // Actor routes take an actor key (lib/actors/actor-key.ts), no longer only a numeric gid:
    // what no key can be is refused with the reason, in the path as Next.js hands it over
    // (percent-encoded) too.
    const malformed: [segment: string, reason: RegExp][] = [
      ["a".repeat(201), /longer than 200 characters/],
      [encodeURIComponent("x".repeat(5_000)), /longer than 200 characters/],
      ["bad%01key", /control characters/],
      [encodeURIComponent("user:name:a\nb"), /control characters/],
      ["%20", /empty/],
      [encodeURIComponent(" asana"), /white space/],
      ["a\ud800b", /lone surrogate/],
    ];
    for (const [segment, reason] of malformed) {
      for (const handler of [actorProfile, actorEvents]) {
        const answer = await call(handler, `/api/actors/${segment}`, { gid: segment });
        expect(answer.status, segment.slice(0, 40)).toBe(400);
        expect(answer.body.error.message, segment.slice(0, 40)).toMatch(reason);
      }
    }
    // "abc" used to be refused as no gid; it is now a legal key (a bare type, as "asana" is,
    // the key of an actor with no gid, e-mail or name) that no stored actor has: 404, as an
    // unknown gid, e-mail key or undecodable segment (taken as it is) are.
    for (const segment of ["abc", "999999999", encodeURIComponent("external_administrator:email:nobody@example.com"), "%E0%A4%A"]) {
      expect((await call(actorProfile, `/api/actors/${segment}`, { gid: segment })).status, segment).toBe(404);
    }
  });
});
