/**
 * `npm run bench:pages [-- --events 100000 --runs 10]`: how long each page takes, in Chromium,
 * from navigation to its main content, and how many requests a navigation makes (pages fetched
 * ahead among them). The app runs as the deployment specs run it (e2e/instances.ts: the
 * launcher of `npm start`, built when stale, on a PostgreSQL and an emulator of its own),
 * synced to the end before anything is measured, so the server is otherwise quiet.
 */
import { spawnSync } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { buildIsStale } from "@/lib/server/build-freshness";
import { loadAverage } from "@/lib/events/bench-kit";
import { ADMIN, addAdmin, INSTANCE_PORTS, killLeftInstances, startBackend, startInstance } from "./instances";
import { signInWithPassword } from "./fixtures";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
};
const EVENTS = option("events", 100_000);
const RUNS = option("runs", 10);
/** After the main content shows, requests still count until the network has been quiet this long (prefetches come after hydration). */
const QUIET_MS = 1_000;

interface Target {
  name: string;
  path: string;
  /** What the person came for: the page counts as there once this is visible. */
  selector: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** One navigation: ms to the main content, then every request it made until the network went quiet. */
async function visit(page: Page, target: Target): Promise<{ ms: number; requests: number; prefetches: number }> {
  let requests = 0;
  let prefetches = 0;
  let last = Date.now();
  const onRequest = (request: import("@playwright/test").Request) => {
    requests++;
    last = Date.now();
    if (request.headers()["next-router-prefetch"]) prefetches++;
  };
  page.on("request", onRequest);
  const started = Date.now();
  await page.goto(target.path, { waitUntil: "commit" });
  await page.locator(target.selector).first().waitFor({ state: "visible", timeout: 30_000 });
  const ms = Date.now() - started;
  last = Date.now();
  while (Date.now() - last < QUIET_MS) await page.waitForTimeout(100);
  page.off("request", onRequest);
  return { ms, requests, prefetches };
}

async function main() {
  // Built here, not by the launcher: a build on a busy machine outlasts an instance's start-up bound.
  if (buildIsStale()) {
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  process.stdout.write(`bench:pages: ${EVENTS.toLocaleString("en")} events, ${RUNS} navigations a page; load average at start ${loadAverage()}\n`);
  const backend = await startBackend({ events: EVENTS, latencyMs: 0, seed: 11 });
  try {
    addAdmin(backend);
    const instance = await startInstance(backend, INSTANCE_PORTS[0], { SYNC_INTERVAL: "1m", LOG_LEVEL: "warn", SYNC_WRITERS: "2" });
    const upstream = backend.emulator.control.visibleEvents().length;
    const stored = async () => (await backend.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event"))[0]!.n;
    for (let n = await stored(); n < upstream; n = await stored()) await new Promise((r) => setTimeout(r, 1_000));
    // Rollups and runs written; the first run's bookkeeping is done.
    await new Promise((r) => setTimeout(r, 3_000));

    const [event] = await backend.query<{ gid: string }>("SELECT gid FROM audit_event ORDER BY created_at DESC, gid DESC LIMIT 1");
    const [actor] = await backend.query<{ gid: string }>("SELECT actor_gid AS gid FROM audit_event WHERE actor_gid IS NOT NULL GROUP BY actor_gid ORDER BY count(*) DESC LIMIT 1");

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    const context = await browser.newContext({ baseURL: instance.url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/login");
    await signInWithPassword(page, ADMIN.email, ADMIN.password);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const saved = await page.request.post("/api/saved-queries", { data: { name: "bench", search: "?range=30d&category=deletion", timeMode: "relative" } });
    if (!saved.ok()) throw new Error(`saving a query failed: ${saved.status()} ${await saved.text()}`);
    const { id } = (await saved.json()) as { id: string };

    const targets: Target[] = [
      { name: "overview", path: "/", selector: "[data-testid='events-over-time-chart'] .recharts-bar-rectangle" },
      { name: "events", path: "/events", selector: "tr[data-gid]" },
      { name: "an event", path: `/events/${event!.gid}`, selector: "[data-testid='event-sentence']" },
      { name: "actors", path: "/actors", selector: "[data-testid='actor-row']" },
      { name: "an actor", path: `/actors/${actor!.gid}`, selector: "[data-testid='timeline-event']" },
      // A short link opens its preview (rolling or frozen window, the query), whose main content is the way on.
      { name: "a saved link", path: `/q/${id}`, selector: "main a[href^='/events']" },
      { name: "sync", path: "/sync", selector: "ol[aria-label='Days, oldest first'] a[data-state]" },
      { name: "audit", path: "/audit", selector: "[data-testid='audit-trail-table'] tbody tr" },
    ];
    process.stdout.write(`${"page".padEnd(14)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"requests".padStart(9)} ${"prefetches".padStart(11)}\n`);
    for (const target of targets) {
      await visit(page, target); // warm-up: compiled routes, caches
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(page, target));
      const times = runs.map((r) => r.ms).sort((a, b) => a - b);
      const requests = runs.map((r) => r.requests).sort((a, b) => a - b);
      const prefetches = runs.map((r) => r.prefetches).sort((a, b) => a - b);
      process.stdout.write(`${target.name.padEnd(14)} ${String(percentile(times, 50)).padStart(7)} ${String(percentile(times, 95)).padStart(7)} ${String(percentile(requests, 50)).padStart(9)} ${String(percentile(prefetches, 50)).padStart(11)}\n`);
    }
    process.stdout.write(`load average at end ${loadAverage()}\n`);
    await browser.close();
  } finally {
    await killLeftInstances();
    await backend.close();
  }
}

await main();
