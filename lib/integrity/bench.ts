/**
 * `npm run bench:integrity`: what reconciliation and verify cost at scale.
 *   1. Reconciliation of every day Asana holds, over an archive of --events (1,000,000) loaded
 *      through the sync's writer, against the emulator serving the same organisation at
 *      1,500 requests/min with --latency ms (300) per answer, on RECONCILE_RATE_SHARE (0.5) of
 *      the budget, while a poller asks for its turn every 10 s: time, requests, how long a
 *      poll waited for its turn.
 *   2. verify over the sealed archive: events/s.
 * Options: --events N, --latency MS, --page-limit N (unset: Asana's default page of 1,000).
 */
import { loadavg } from "node:os";
import pino from "pino";
import { loadEvents, startBenchDatabase } from "@/lib/events/bench-kit";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number | undefined) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const EVENTS = flag("events", 1_000_000)!;
const LATENCY = flag("latency", 300)!;
const PAGE_LIMIT = flag("page-limit", undefined);
const PER_MINUTE = 1_500;
const SHARE = 0.5;
const logger = pino({ level: "warn" });
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  out(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const database = await startBenchDatabase();
  const historyEnd = Date.now();
  try {
    const loadRate = await loadEvents(EVENTS, { now: historyEnd });
    out(`loaded ${EVENTS.toLocaleString("en-US")} events through the sync's writer at ${Math.round(loadRate).toLocaleString("en-US")} events/s`);
    await reconcile(historyEnd);
    await verify();
  } finally {
    const { db } = await import("@/lib/db/client");
    await db().$disconnect();
    await database.stop();
  }
}

async function reconcile(historyEnd: number) {
  const { generateOrganisation, startEmulator } = await import("@/lib/asana/emulator");
  const { AsanaClient } = await import("@/lib/asana/client");
  const { RateLimiter, ShareOfBudget } = await import("@/lib/asana/rate-limiter");
  const { reconcileWorkspace } = await import("@/lib/sync/reconcile");
  const { db } = await import("@/lib/db/client");
  const organisation = generateOrganisation({ seed: 42, events: EVENTS, days: 90, now: historyEnd });
  await db().workspaceSyncState.create({ data: { workspaceGid: organisation.workspaceGid, backfillDoneAt: new Date() } });
  const emulator = await startEmulator({ host: "127.0.0.1", organisation, rateLimit: { requests: PER_MINUTE, windowMs: 60_000 }, faults: { latencyMs: LATENCY }, logger });
  const whole = new RateLimiter({ perMinute: PER_MINUTE * 0.98, burst: 5 });
  const client = new AsanaClient({ baseUrl: emulator.apiBase, token: emulator.token, limiter: new ShareOfBudget(whole, PER_MINUTE * SHARE), logger });
  const poller = new AsanaClient({ baseUrl: emulator.apiBase, token: emulator.token, limiter: whole, logger });
  out(`reconciliation: every day of ${EVENTS.toLocaleString("en-US")} events, ${PER_MINUTE} requests/min (${SHARE * 100}% for reconciliation), ${LATENCY} ms per answer, ${PAGE_LIMIT ?? "Asana's default"} events a page`);
  const waits: number[] = [];
  let polling = true;
  const polls = (async () => {
    while (polling) {
      const asked = performance.now();
      await poller.getAuditLogEvents(organisation.workspaceGid, { start_at: new Date(historyEnd - 60_000).toISOString(), limit: 1 });
      waits.push(performance.now() - asked);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  })();
  const started = performance.now();
  const result = await reconcileWorkspace({
    workspaceGid: organisation.workspaceGid,
    client,
    trigger: "bench",
    scope: "all",
    logger,
    limits: { maxPages: 1_000_000, maxRunMs: 3 * 3_600_000, concurrency: 8, pageLimit: PAGE_LIMIT, recentMs: 48 * 3_600_000, recentEveryMs: 3_600_000, allEveryMs: 7 * 86_400_000, settleMs: 3_600_000, retentionDays: 90 },
    now: () => new Date(historyEnd + 2 * 3_600_000),
  });
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await polls;
  await emulator.close();
  if (result.status !== "ran" || result.outcome !== "succeeded") throw new Error(`reconciliation did not finish: ${JSON.stringify(result)}`);
  const requests = emulator.stats.pagesServed;
  const pollRequests = waits.length;
  out(`  ${result.days} days re-read, ${result.verified} verified and sealed, ${result.foundLate} found late, in ${(seconds / 60).toFixed(1)} min`);
  out(`  ${requests - pollRequests} requests for reconciliation (${((requests - pollRequests) / (seconds / 60)).toFixed(0)}/min), ${emulator.stats.rateLimited} refused with 429`);
  out(`  polls while it ran: ${pollRequests}, each answered within ${Math.round(Math.max(...waits))} ms (median ${Math.round(waits.sort((a, b) => a - b)[Math.floor(waits.length / 2)] ?? 0)} ms), so polling keeps its minute`);
  if (PAGE_LIMIT === undefined) {
    const at100 = Math.ceil(EVENTS / 100) + result.days;
    out(`  with pages of 100 events (the spec's limit) it would take about ${at100} requests: ${(at100 / (PER_MINUTE * SHARE)).toFixed(1)} min at this share`);
  }
}

async function verify() {
  const { verifyArchive } = await import("./verify");
  for (const round of ["cold", "warm"]) {
    const report = await verifyArchive({ parallel: 2 });
    if (report.altered.length > 0 || report.brokenChain.length > 0) throw new Error("the archive did not verify");
    out(`verify (${round}): ${report.days} days, ${report.events.toLocaleString("en-US")} events in ${(report.ms / 1000).toFixed(1)} s: ${Math.round(report.events / (report.ms / 1000)).toLocaleString("en-US")} events/s`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
