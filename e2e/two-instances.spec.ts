import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signedOut } from "./fixtures";
import { ADMIN, addAdmin, archiveConsistency, INSTANCE_PORTS, killLeftInstances, lockHolderPid, startBackend, startInstance, storedSetDifferences, SYNC_SECRET, type Backend, type Instance } from "./instances";

/**
 * Two app processes on different ports against one PostgreSQL, both schedulers on, syncs
 * triggered from both, and the one holding the sync killed with SIGKILL in the middle of a
 * run: the other takes the workspace over, the stored set is exactly upstream's, no two runs
 * of the workspace ever overlap, and a session signed in on one instance works on the other.
 */
const EVENTS = 20_000;
// The sync's workspace locks (lib/sync/lock.ts: pg_try_advisory_lock(72007002, hashtext(gid))),
// not the short ones sign-in takes per e-mail.
const SYNC_LOCK_NAMESPACE = 72_007_002;

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend({ events: EVENTS, latencyMs: 150, seed: 97 });
});
test.afterAll(async () => {
  await killLeftInstances();
  await backend?.close();
});

const count = async (sql: string) => (await backend.query<{ n: number }>(sql))[0]!.n;

test("two instances on one database: one run at a time, a SIGKILL mid-run loses and doubles nothing, sessions work on both", async () => {
  test.setTimeout(480_000);
  const started = Date.now();
  // Both start at once: both migrate the empty database (one waits for the other's lock).
  const settings = { SYNC_MAX_PAGES_PER_RUN: "40" };
  const instances: Instance[] = await Promise.all(INSTANCE_PORTS.map((port) => startInstance(backend, port, settings)));
  const [a, b] = instances as [Instance, Instance];
  const startup = Date.now() - started;
  addAdmin(backend);

  // Sampled all along: never more than one run, or one lock, for the workspace.
  let most = { running: 0, locks: 0 };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [row] = await backend.query<{ running: number; locks: number }>(
        `SELECT (SELECT count(*) FROM sync_run WHERE kind = 'sync' AND outcome = 'running')::int AS running,
                (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ${SYNC_LOCK_NAMESPACE} AND objsubid = 2)::int AS locks`,
      );
      most = { running: Math.max(most.running, row!.running), locks: Math.max(most.locks, row!.locks) };
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  // A session made on one instance is honoured by the other (one NEXTAUTH_SECRET, one session table).
  const browser = await playwrightRequest.newContext({ storageState: signedOut.storageState });
  const csrf = ((await (await browser.get(`${a.url}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
  const signIn = await browser.post(`${a.url}/api/auth/callback/credentials`, { form: { email: ADMIN.email, password: ADMIN.password, csrfToken: csrf, json: "true", callbackUrl: "/" } });
  expect(signIn.status()).toBe(200);
  expect((await browser.get(`${a.url}/api/status`)).status()).toBe(200);
  expect((await browser.get(`${b.url}/api/status`)).status()).toBe(200);

  // Triggered from both at once, on top of both schedulers: each answers 202 (started or already running, as its body says).
  const triggers = await Promise.all(instances.map((i) => fetch(`${i.url}/api/sync`, { method: "POST", headers: { authorization: `Bearer ${SYNC_SECRET}` } }).then((r) => r.status)));
  for (const status of triggers) expect(status).toBe(202);

  await expect.poll(() => count("SELECT count(*)::int AS n FROM audit_event"), { timeout: 120_000, intervals: [200] }).toBeGreaterThanOrEqual(4_000);
  // The instance whose server holds the workspace's lock now, in the middle of a run.
  let victim: Instance | undefined;
  await expect
    .poll(async () => {
      const holder = await lockHolderPid(backend);
      victim = instances.find((i) => holder !== undefined && i.serverPid() === holder);
      return victim !== undefined && (await count("SELECT count(*)::int AS n FROM sync_run WHERE outcome = 'running'")) === 1;
    }, { timeout: 30_000, intervals: [50] })
    .toBe(true);
  const survivor = victim === a ? b : a;
  const atKill = await count("SELECT count(*)::int AS n FROM audit_event");
  const killedAt = Date.now();
  victim!.kill();
  expect((await victim!.exited).signal).toBe("SIGKILL");

  // The survivor's scheduler takes the workspace over as soon as PostgreSQL drops the dead lock.
  await expect.poll(() => lockHolderPid(backend), { timeout: 30_000, intervals: [100] }).toBe(survivor.serverPid());
  const takeoverMs = Date.now() - killedAt;
  await expect.poll(() => count("SELECT count(*)::int AS n FROM audit_event"), { timeout: 240_000 }).toBe(EVENTS);
  await expect
    .poll(async () => (await backend.query("SELECT 1 FROM sync_run WHERE outcome = 'succeeded' AND started_at > to_timestamp($1 / 1000.0)", [killedAt])).length, { timeout: 120_000 })
    .toBeGreaterThan(0);
  const filledMs = Date.now() - started;
  sampling = false;
  await sampler;

  expect(await storedSetDifferences(backend)).toEqual({ missing: 0, changed: 0, stored: EVENTS });
  const archive = await archiveConsistency(backend);
  expect(archive.counted).toBe(EVENTS);
  expect(archive.hourly).toBe(EVENTS);
  expect(archive.daily).toBe(EVENTS);
  expect(archive.overlaps).toEqual([]);
  expect(most).toEqual({ running: 1, locks: 1 });
  expect(archive.runs.filter((r) => r.outcome === "interrupted").length).toBeGreaterThanOrEqual(1);
  expect(archive.runs.filter((r) => r.outcome === "failed")).toEqual([]);

  // The session made on the instance that may now be gone still opens the survivor.
  expect((await browser.get(`${survivor.url}/api/status`)).status()).toBe(200);
  await browser.dispose();

  const outcomes = archive.runs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});
  process.stdout.write(
    `[two instances] ${EVENTS} events, both up in ${startup} ms; triggers answered ${triggers.join(" and ")}; killed the lock holder at ${atKill} events; ` +
      `survivor held the lock ${takeoverMs} ms later; all stored ${filledMs} ms after start; runs ${JSON.stringify(outcomes)}; at most ${most.running} run and ${most.locks} lock at once\n`,
  );
  survivor.terminate();
  expect((await survivor.exited).code).toBe(0);
});
