import { expect, test } from "@playwright/test";
import { archiveConsistency, INSTANCE_PORTS, killLeftInstances, startBackend, startInstance, storedSetDifferences, type Backend } from "./instances";

/**
 * SIGTERM (docker stop, a rolling deploy) with a sync in flight: the server stops taking
 * requests, the run commits or drops its current page whole, releases the workspace's lock and
 * is recorded as interrupted; the pools close and the process exits within SHUTDOWN_TIMEOUT.
 * The next start goes on from the cursor, and the archive ends up exactly upstream's.
 */
test.describe.configure({ mode: "serial" });

let backend: Backend;
test.beforeAll(async () => {
  // 150 pages of 100 events, each answered after 500 ms: a run lasts long enough to be stopped.
  backend = await startBackend({ events: 15_000, latencyMs: 500, seed: 91 });
});
test.afterAll(async () => {
  await killLeftInstances();
  await backend?.close();
});

const count = async (sql: string) => (await backend.query<{ n: number }>(sql))[0]!.n;

test("SIGTERM in the middle of a sync: nothing half written, the lock released, the next start goes on from the cursor", async () => {
  test.setTimeout(360_000);
  let instance = await startInstance(backend, INSTANCE_PORTS[0]);
  await expect.poll(() => count("SELECT count(*)::int AS n FROM audit_event"), { timeout: 120_000, intervals: [200] }).toBeGreaterThanOrEqual(3_000);
  expect(await count("SELECT count(*)::int AS n FROM sync_run WHERE outcome = 'running'")).toBe(1);

  const signalled = Date.now();
  instance.terminate();
  const exit = await instance.exited;
  const stopMs = Date.now() - signalled;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(stopMs).toBeLessThan(25_000);
  expect(instance.output()).toContain("shut down cleanly");

  const atStop = await archiveConsistency(backend);
  expect(atStop.events).toBeLessThan(15_000);
  expect(atStop.counted).toBe(atStop.events);
  expect(atStop.hourly).toBe(atStop.events);
  expect(atStop.daily).toBe(atStop.events);
  expect(atStop.runs.at(-1)?.outcome).toBe("interrupted");
  expect(atStop.runs.filter((r) => r.outcome === "running")).toEqual([]);
  expect(await count("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'")).toBe(0);
  expect(await count("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'audit-dashboard%'")).toBe(0);
  const interruptedId = atStop.runs.at(-1)!.id;

  instance = await startInstance(backend, INSTANCE_PORTS[0]);
  await expect
    .poll(async () => (await backend.query<{ outcome: string }>("SELECT outcome FROM sync_run WHERE id > $1 AND outcome = 'succeeded'", [interruptedId])).length, { timeout: 180_000 })
    .toBeGreaterThan(0);
  expect(await storedSetDifferences(backend)).toEqual({ missing: 0, changed: 0, stored: 15_000 });
  const after = await archiveConsistency(backend);
  expect(after.counted).toBe(15_000);
  expect(after.hourly).toBe(15_000);
  expect(after.overlaps).toEqual([]);
  // Went on from where it stopped: what the later runs fetched is what was left, plus the pages
  // being read at the stop and the open stream's overlap, far from the whole history again.
  const received = await count(`SELECT COALESCE(sum(events_received), 0)::int AS n FROM sync_run WHERE id > ${interruptedId}`);
  expect(received).toBeLessThan(15_000 - atStop.events + 3_000);
  process.stdout.write(`[shutdown] SIGTERM at ${atStop.events} of 15,000 events: exited 0 in ${stopMs} ms; after restart ${received} events fetched to finish\n`);

  instance.terminate();
  expect((await instance.exited).code).toBe(0);
});
