/** The audit log as a stream: catching up, polling on, late events, expiry, retention and limits. */
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "./clock";
import { MESSAGES } from "./errors";
import { oddEvents } from "./malformed";
import { generateOrganisation } from "./organisation";
import { startEmulator, type Emulator, type EmulatorOptions } from "./server";
import { AUDIT_LOG_EPOCH_MS } from "./stream";
import { asanaClient, call, eventsUrl, readAllRaw } from "./test-support";
import type { AuditLogEvent } from "./types";

const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const DAY = 86_400_000;
const running: Emulator[] = [];

async function emulator(options: EmulatorOptions): Promise<Emulator> {
  const emu = await startEmulator({ rateLimit: false, ...options });
  running.push(emu);
  return emu;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe("stream semantics", () => {
  it("answers an empty page with next_page once caught up, then new events on the same offset", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 5, events: 250, clock: clock.now });
    const first = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, { limit: 100 });
    expect(first.events).toHaveLength(250);
    expect(first.pages).toBe(4); // 100 + 100 + 50, then the empty caught-up page
    expect(first.nullNextPage).toBe(false);

    const url = eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 100, offset: first.lastOffset! });
    const idle = await call(url, emu.token);
    expect(idle.body.data).toEqual([]);
    expect(idle.body.next_page.offset).toEqual(expect.any(String));

    clock.advance(5_000);
    const added = emu.control.addGenerated(3);
    const again = await call(url, emu.token);
    expect(again.body.data!.map((e) => e.gid)).toEqual(added.map((e) => e.gid));
    const after = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 100, offset: again.body.next_page.offset }), emu.token);
    expect(after.body.data).toEqual([]);
  });

  it("answers null next_page only while nothing matches, and the same query finds events later", async () => {
    const emu = await emulator({ seed: 5, events: 250, clock: () => NOW });
    const url = eventsUrl(emu.apiBase, emu.workspaceGid, { actor_gid: "1299999999999999" });
    const none = await call(url, emu.token);
    expect(none.body).toEqual({ data: [], next_page: null });
    const base = emu.organisation.eventAt(0);
    emu.control.addEvents([{ ...base, gid: "1299000000000001", actor: { ...base.actor, gid: "1299999999999999" } }]);
    const some = await call(url, emu.token);
    expect(some.body.data!.map((e) => e.gid)).toEqual(["1299000000000001"]);
    expect(some.body.next_page).not.toBeNull();
  });

  it("starts an empty domain with null next_page and fills it as events are captured", async () => {
    const emu = await emulator({ seed: 5, events: 0, clock: () => NOW });
    const url = eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 10 });
    expect((await call(url, emu.token)).body).toEqual({ data: [], next_page: null });
    const added = emu.control.addGenerated(2);
    const some = await call(url, emu.token);
    expect(some.body.data).toEqual(added);
    expect(some.body.next_page).not.toBeNull();
  });

  it("delivers a late event to a poller although its created_at is older than what it has seen", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 9, events: 300, clock: clock.now });
    const read = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token);
    clock.advance(60_000);
    const onTime = emu.control.addGenerated(4);
    const seen = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { offset: read.lastOffset! }), emu.token);
    expect(seen.body.data!.map((e) => e.gid)).toEqual(onTime.map((e) => e.gid));
    const newest = onTime.at(-1)!.created_at;
    clock.advance(60_000);
    const [late] = emu.control.addGenerated(1, { lateByMs: 25 * 60_000 });
    expect(late!.created_at < newest).toBe(true);
    const poll = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { offset: seen.body.next_page.offset }), emu.token);
    expect(poll.body.data!.map((e) => e.gid)).toEqual([late!.gid]);
    // A window query on created_at finds it where it belongs in time.
    const window = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, {
      start_at: new Date(Date.parse(late!.created_at) - 1).toISOString(),
      end_at: new Date(Date.parse(late!.created_at) + 1).toISOString(),
    });
    expect(window.events.map((e) => e.gid)).toContain(late!.gid);
  });

  it("keeps events held back until their capture time arrives", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 9, events: 100, clock: clock.now });
    const read = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token);
    const base = emu.organisation.eventAt(3);
    emu.control.addEvents([{ ...base, gid: "1299000000000077", created_at: new Date(NOW - 10 * 60_000).toISOString() }], {
      visibleAt: NOW + 60_000,
    });
    const url = eventsUrl(emu.apiBase, emu.workspaceGid, { offset: read.lastOffset! });
    expect((await call(url, emu.token)).body.data).toEqual([]);
    clock.advance(61_000);
    expect((await call(url, emu.token)).body.data!.map((e) => e.gid)).toEqual(["1299000000000077"]);
  });

  it("live mode keeps capturing, late ones included, and a poller gets them all", async () => {
    const emu = await emulator({ seed: 3, events: 50, live: { ratePerSecond: 400, lateShare: 0.5, maxDelayMs: 20 * 60_000, tickMs: 20 } });
    const read = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token);
    await new Promise((r) => setTimeout(r, 400));
    const poll = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, { offset: read.lastOffset! });
    expect(poll.events.length).toBeGreaterThan(30);
    const times = poll.events.map((e) => Date.parse(e.created_at as string));
    const outOfOrder = times.filter((t, i) => i > 0 && t < Math.max(...times.slice(0, i))).length;
    expect(outOfOrder).toBeGreaterThan(5);
    expect(new Set(poll.events.map((e) => e.gid)).size).toBe(poll.events.length);
    emu.control.set({ live: null });
  });
});

describe("offsets", () => {
  it("are opaque JWT-like tokens bound to their filters, and refused when forged or reused elsewhere", async () => {
    const emu = await emulator({ seed: 4, events: 400, clock: () => NOW });
    const page = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 10, event_type: "user_login_succeeded" }), emu.token);
    const offset = page.body.next_page.offset as string;
    expect(offset.split(".")).toHaveLength(3);
    expect(page.body.next_page.path).toBe(
      `/workspaces/${emu.workspaceGid}/audit_log_events?limit=10&event_type=user_login_succeeded&offset=${offset}`,
    );
    expect(page.body.next_page.uri).toBe(`${emu.apiBase}${page.body.next_page.path}`);
    const followed = await call(page.body.next_page.uri, emu.token);
    expect(followed.body.data).toHaveLength(10);

    const reuse = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 10, offset }), emu.token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors![0].message).toBe(MESSAGES.badOffset);
    const [h, p, s] = offset.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), pos: 0 })).toString("base64url")}.${s}`;
    const forged = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 10, event_type: "user_login_succeeded", offset: tampered }), emu.token);
    expect(forged.status).toBe(400);
    const other = await emulator({ seed: 4, events: 400, clock: () => NOW });
    const foreign = await call(eventsUrl(other.apiBase, other.workspaceGid, { limit: 10, event_type: "user_login_succeeded", offset }), other.token);
    expect(foreign.status).toBe(400);
  });

  it("expire after offsetTtlMs on the emulator's clock, and the TTL can change at run time", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 4, events: 400, clock: clock.now, offsetTtlMs: 60_000 });
    const page = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 50 }), emu.token);
    const next = eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 50, offset: page.body.next_page.offset });
    clock.advance(59_000);
    expect((await call(next, emu.token)).status).toBe(200);
    clock.advance(2_000);
    const expired = await call(next, emu.token);
    expect(expired.status).toBe(400);
    expect(expired.body.errors![0].message).toBe(MESSAGES.expiredOffset);
    emu.control.set({ offsetTtlMs: 10 * 60_000 });
    expect((await call(next, emu.token)).status).toBe(200);
    // The official client surfaces it as a 400 too.
    clock.advance(11 * 60_000);
    const err = await asanaClient(emu.apiBase, emu.token)
      .getAuditLogEvents(emu.workspaceGid, { limit: 50, offset: page.body.next_page.offset })
      .catch((e: { status: number }) => e);
    expect((err as { status: number }).status).toBe(400);
  });
});

describe("retention and page size", () => {
  it("forgets events older than 90 days as the clock moves, and has nothing before 2021-10-08", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 6, events: 900, clock: clock.now });
    const all = emu.organisation.allEvents();
    clock.advance(10 * DAY);
    const kept = all.filter((e) => Date.parse(e.created_at) >= clock.now() - 90 * DAY);
    expect(kept.length).toBeLessThan(all.length);
    const read = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, { limit: 100 });
    expect(read.events).toEqual(kept);

    const early = Date.parse("2021-11-01T00:00:00.000Z");
    const old = await emulator({ organisation: generateOrganisation({ seed: 6, events: 600, now: early }), clock: () => early });
    const oldRead = await readAllRaw(old.apiBase, old.workspaceGid, old.token, { limit: 100 });
    expect(oldRead.events.length).toBeGreaterThan(0);
    expect(oldRead.events.length).toBeLessThan(600);
    expect(oldRead.events.every((e) => Date.parse(e.created_at as string) >= AUDIT_LOG_EPOCH_MS)).toBe(true);
  });

  it("serves 1000 without a limit, 1..100 with one, and both bounds can be changed", async () => {
    const emu = await emulator({ seed: 8, events: 2100, clock: () => NOW });
    const url = (q: Record<string, string | number>) => eventsUrl(emu.apiBase, emu.workspaceGid, q);
    expect((await call(url({}), emu.token)).body.data).toHaveLength(1000);
    expect((await call(url({ limit: 1 }), emu.token)).body.data).toHaveLength(1);
    expect((await call(url({ limit: 100 }), emu.token)).body.data).toHaveLength(100);
    expect((await call(url({ limit: 1000 }), emu.token)).status).toBe(400);
    emu.control.set({ defaultLimit: 7, maxLimit: 2000 });
    expect((await call(url({}), emu.token)).body.data).toHaveLength(7);
    expect((await call(url({ limit: 1500 }), emu.token)).body.data).toHaveLength(1500);
    expect((await call(url({ limit: 2001 }), emu.token)).status).toBe(400);
  });
});

describe("prefetching", () => {
  it("hands out a page built ahead only when it is what a fresh read would return", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ seed: 12, events: 1500, clock: clock.now, offsetTtlMs: 365 * DAY });
    const all = emu.organisation.allEvents();
    const first = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 100 }), emu.token);
    await new Promise((r) => setImmediate(r));
    const second = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 100, offset: first.body.next_page.offset }), emu.token);
    expect(emu.stats.prefetchHits).toBe(1);
    expect(second.body.data).toEqual(all.slice(100, 200));

    // Let retention swallow the start of the page that was built ahead: it must not be served.
    await new Promise((r) => setImmediate(r));
    const cutoff = Date.parse(all[250]!.created_at);
    clock.set(cutoff + 90 * DAY);
    const third = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 100, offset: second.body.next_page.offset }), emu.token);
    expect(emu.stats.prefetchHits).toBe(1);
    const visible = all.filter((e, i) => i >= 200 && Date.parse(e.created_at) >= cutoff);
    expect(third.body.data).toEqual(visible.slice(0, 100));
  });
});

describe("odd events", () => {
  it("are delivered verbatim, unknown fields and types included, and filtered where they can be", async () => {
    const emu = await emulator({ seed: 2, events: 120, clock: () => NOW });
    const read = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token);
    const odd = oddEvents(emu.organisation.eventAt(7) as AuditLogEvent);
    emu.control.addEvents(odd);
    const poll = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { offset: read.lastOffset! }), emu.token, false);
    expect(poll.body.data).toEqual(odd);
    const unknownType = await call(eventsUrl(emu.apiBase, emu.workspaceGid, { event_type: "workspace_quantum_entanglement_enabled" }), emu.token);
    expect(unknownType.body.data).toHaveLength(1);
    // A record whose created_at is broken is filtered on its capture time, as Asana filters on
    // its own stored time: it stays inside the window that covers when it was captured.
    const windowed = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, { start_at: "2021-10-08T00:00:00Z" }, false);
    expect(windowed.events.some((e) => e.created_at === "last tuesday, around lunch")).toBe(true);
    expect(windowed.events.some((e) => !("created_at" in e))).toBe(true);
    const before = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, { end_at: new Date(NOW - 1).toISOString() }, false);
    expect(before.events.some((e) => e.created_at === "last tuesday, around lunch")).toBe(false);
    expect(windowed.events.some((e) => e.event_type === "workspace_quantum_entanglement_enabled")).toBe(true);
    const unfiltered = await readAllRaw(emu.apiBase, emu.workspaceGid, emu.token, {}, false);
    expect(unfiltered.events).toHaveLength(120 + odd.length);
  });
});
