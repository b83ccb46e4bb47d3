/** Rate limits, the in-flight cap and injected faults, as a client (the official one included) meets them. */
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "./clock";
import { MESSAGES } from "./errors";
import { startEmulator, type Emulator, type EmulatorOptions } from "./server";
import { asanaClient, call, clientError, eventsUrl, schemaErrors } from "./test-support";

const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const running: Emulator[] = [];

async function emulator(options: EmulatorOptions): Promise<Emulator> {
  const emu = await startEmulator({ seed: 1, events: 300, ...options });
  running.push(emu);
  return emu;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

const page = (emu: Emulator, q: Record<string, string | number> = { limit: 5 }) =>
  call(eventsUrl(emu.apiBase, emu.workspaceGid, q), emu.token);

describe("rate limits", () => {
  it("answers 429 with Retry-After past the per-token budget, counts refused requests, and lets a patient client on", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({ clock: clock.now, rateLimit: { requests: 5, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await page(emu)).status).toBe(200);
    clock.advance(10_000);
    const refused = await page(emu);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: [{ message: MESSAGES.rateLimited, help: expect.any(String) }] });
    const retryAfter = Number(refused.headers.get("retry-after"));
    // The first five requests slide out of the window 60 s after they were made, 10 s ago.
    expect(retryAfter).toBe(50);
    // A client that ignores Retry-After keeps hammering; refused requests count against it.
    for (let i = 0; i < 9; i++) expect((await page(emu)).status).toBe(429);
    clock.set(NOW + 61_000);
    const still = await page(emu);
    expect(still.status).toBe(429);
    expect(Number(still.headers.get("retry-after"))).toBe(9);
    clock.advance(9_000);
    expect((await page(emu)).status).toBe(200);
    expect(emu.stats.rateLimited).toBe(11);
    expect(emu.stats.byStatus[429]).toBe(11);
  });

  it("keeps budgets per token and can be switched off at run time", async () => {
    const clock = manualClock(NOW);
    const emu = await emulator({
      clock: clock.now,
      rateLimit: { requests: 2, windowMs: 60_000 },
      tokens: [{ token: "second-token", workspaces: ["1200000000000001"] }],
    });
    await page(emu);
    await page(emu);
    expect((await page(emu)).status).toBe(429);
    expect((await call(eventsUrl(emu.apiBase, emu.workspaceGid, { limit: 5 }), "second-token")).status).toBe(200);
    const err = await clientError(asanaClient(emu.apiBase, emu.token).getAuditLogEvents(emu.workspaceGid, { limit: 5 }));
    expect(err.status).toBe(429);
    expect(err.response!.headers["retry-after"]).toMatch(/^\d+$/);
    emu.control.set({ rateLimit: null });
    expect((await page(emu)).status).toBe(200);
  });

  it("refuses requests beyond the in-flight cap with 429 and records peak concurrency", async () => {
    const emu = await emulator({ rateLimit: false, maxConcurrent: 3, faults: { latencyMs: 300 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => page(emu)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(emu.stats.concurrencyLimited).toBe(5);
    expect(emu.stats.peakConcurrency).toBe(3);
    expect(emu.stats.inFlight).toBe(0);
  });
});

describe("injected faults", () => {
  it.each([500, 502, 503, 504] as const)("answers an injected %i with an Asana-like body", async (status) => {
    const emu = await emulator({ rateLimit: false });
    emu.control.failNext(status, 2);
    for (let i = 0; i < 2; i++) {
      const r = await page(emu);
      expect(r.status).toBe(status);
      expect(schemaErrors(status, r.body)).toBeNull();
      const [e] = r.body.errors!;
      if (status === 500) {
        expect(e.message).toBe("Server Error");
        expect(e.phrase).toMatch(/^\d+ \w+ \w+ \w+ \w+$/);
      } else expect(e.phrase).toBeUndefined();
    }
    expect((await page(emu)).status).toBe(200);
    expect(emu.stats.faultsInjected[status]).toBe(2);
  });

  it("reaches the official client as its errors: status faults, a reset connection, a truncated body", async () => {
    const emu = await emulator({ rateLimit: false });
    const api = asanaClient(emu.apiBase, emu.token);
    emu.control.failNext(500);
    const e500 = await clientError(api.getAuditLogEvents(emu.workspaceGid, {}));
    expect(e500.status).toBe(500);
    expect((e500.response!.body as { errors: Array<{ phrase?: string }> }).errors[0]!.phrase).toBeTruthy();

    emu.control.failNext("reset");
    const reset = await clientError(api.getAuditLogEvents(emu.workspaceGid, {}));
    expect(reset.status).toBeUndefined();
    expect(reset.code ?? reset.message).toMatch(/ECONNRESET|socket hang up/);

    emu.control.failNext("truncate");
    const truncated = await clientError(api.getAuditLogEvents(emu.workspaceGid, { limit: 50 }));
    expect(truncated.status).toBeUndefined();
    expect(String(truncated.message)).toMatch(/JSON|Unexpected|Unterminated/i);

    const ok = await api.getAuditLogEvents(emu.workspaceGid, { limit: 50 });
    expect(ok.data).toHaveLength(50);
    expect(emu.stats.faultsInjected).toMatchObject({ 500: 1, reset: 1, truncate: 1 });
  });

  it("injects faults by probability, reproducibly, and can stop", async () => {
    const emu = await emulator({ rateLimit: false, faults: { rates: { 503: 0.3 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await page(emu)).status);
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(6);
    expect(failed).toBeLessThan(36);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    emu.control.clearFaults();
    for (let i = 0; i < 10; i++) expect((await page(emu)).status).toBe(200);
    expect(emu.stats.byStatus[503]).toBe(failed);
    expect(emu.stats.requests).toBe(70);
  });

  it("adds latency, fixed or in a range", async () => {
    const emu = await emulator({ rateLimit: false, faults: { latencyMs: 120 } });
    let t = performance.now();
    await page(emu);
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    emu.control.set({ faults: { latencyMs: [20, 40] } });
    t = performance.now();
    await page(emu);
    expect(performance.now() - t).toBeGreaterThanOrEqual(18);
  });

  it("counts what it served", async () => {
    const emu = await emulator({ rateLimit: false });
    await page(emu, { limit: 7 });
    await page(emu, { limit: 3 });
    await call(eventsUrl(emu.apiBase, emu.workspaceGid), "wrong");
    await call(`${emu.apiBase}/workspaces/${emu.workspaceGid}/nothing_here`, emu.token);
    expect(emu.stats).toMatchObject({ requests: 4, pagesServed: 2, eventsServed: 10, byStatus: { 200: 2, 401: 1, 404: 1 } });
    emu.control.resetStats();
    expect(emu.stats.requests).toBe(0);
  });
});
