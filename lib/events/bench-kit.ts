/**
 * What the query benchmarks share: a fresh embedded PostgreSQL loaded with a synthetic domain
 * through the sync's own write path, a `measure(name, fn)` that reports p50/p95 over repeated
 * runs, and a registry of query shapes with their targets. `npm run bench:queries` (bench.ts)
 * registers the explorer's shapes; another feature adds its own with `registerShape` from its
 * module and imports it in bench.ts, e.g.
 *
 *   registerShape({ group: "charts", name: "events per day, 90 days", targetP95Ms: 300, run: () => countOverTime(filter) });
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { overrideEnv } from "@/lib/env";
import { ensureDatabase, migrate } from "@/lib/db/migrate";

export interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds of each run. */
export async function measure(name: string, fn: () => Promise<unknown>, { runs = 30, warmup = 3 } = {}): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

export interface Shape {
  group: string;
  name: string;
  /** The p95 this shape must stay under, in milliseconds. */
  targetP95Ms?: number;
  runs?: number;
  run: () => Promise<unknown>;
}

const SHAPES: Shape[] = [];

export function registerShape(shape: Shape): void {
  SHAPES.push(shape);
}

export function registeredShapes(): readonly Shape[] {
  return SHAPES;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

/** Measures every registered shape (of the groups whose name holds `only`) and prints one line each; returns whether all met their targets. */
export async function runShapes(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`), only?: string): Promise<{ results: Array<Measurement & { shape: Shape; ok: boolean }>; allOk: boolean }> {
  const results: Array<Measurement & { shape: Shape; ok: boolean }> = [];
  let group = "";
  for (const shape of SHAPES.filter((s) => only === undefined || s.group.includes(only))) {
    if (shape.group !== group) {
      group = shape.group;
      write(`\n${group}`);
    }
    const m = await measure(shape.name, shape.run, { runs: shape.runs ?? 30 });
    const ok = shape.targetP95Ms === undefined || m.p95 <= shape.targetP95Ms;
    results.push({ ...m, shape, ok });
    const target = shape.targetP95Ms === undefined ? "" : `  (target ≤ ${shape.targetP95Ms} ms: ${ok ? "met" : "MISSED"})`;
    write(`  ${pad(shape.name, 52)} p50 ${pad(ms(m.p50), 8)} p95 ${pad(ms(m.p95), 8)} max ${pad(ms(m.max), 8)}${target}`);
  }
  return { results, allOk: results.every((r) => r.ok) };
}

export const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(", ");

/** A numeric command-line option (`--runs 10`), or the fallback. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * A throw-away PostgreSQL in a temp directory, migrated, with DATABASE_URL pointing at it, so
 * that the app's modules (imported after this) use it. `stop` removes everything.
 */
export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "audit-bench-queries-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), ephemeral: true });
  const url = pg.url("bench");
  await ensureDatabase(url);
  await migrate(url);
  // Loading builds indexes for minutes: no statement limit here (what is measured never nears one).
  overrideEnv({ DATABASE_URL: url, QUERY_TIMEOUT: 0 });
  return {
    url,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads `events` synthetic events (a 90-day domain ending now) through the sync's own page
 * writer, so rows, actors and rollups are exactly what a real sync stores; pages are written
 * by `writers` concurrent transactions. Returns events per second, index builds included.
 */
export async function loadEvents(events: number, { seed = 42, pageSize = 2_000, writers = 2, now, onProgress }: { seed?: number; pageSize?: number; writers?: number; now?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const { generateOrganisation } = await import("@/lib/asana/emulator");
  const { inWriteTransaction } = await import("@/lib/sync/store");
  const { checkPage, writePageCarefully, writePageFast } = await import("@/lib/sync/write-page");
  const { db } = await import("@/lib/db/client");
  const org = generateOrganisation({ seed, events, days: 90, now });
  // Building the secondary indexes once at the end is many times faster than keeping 13 of
  // them up to date row by row; the rows themselves go through the sync's statement.
  const indexes = await db().$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_event' AND indexname <> 'audit_event_pkey'",
  );
  for (const index of indexes) await db().$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);
  const started = performance.now();
  let next = 0;
  let done = 0;
  const writer = async () => {
    while (next < events) {
      const from = next;
      next = Math.min(events, next + pageSize);
      const data: unknown[] = [];
      for (let i = from; i < next; i++) data.push(org.eventAt(i));
      const text = JSON.stringify({ data, next_page: null });
      // As the sync does (lib/sync/write-page.ts): the careful path for what PostgreSQL cannot take as it is.
      const checked = checkPage(data, text, new Date());
      await inWriteTransaction((tx) => (checked.plain ? writePageFast : writePageCarefully)(tx, org.workspaceGid, text, data, checked));
      done += data.length;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  for (const index of indexes) await db().$executeRawUnsafe(index.indexdef);
  const seconds = (performance.now() - started) / 1000;
  // Loaded, not synced: nothing for the detection rules to judge (a sync would have).
  await db().$executeRawUnsafe("TRUNCATE detection_queue");
  await db().$executeRawUnsafe("VACUUM ANALYZE audit_event");
  await db().$executeRawUnsafe("VACUUM ANALYZE actor");
  return events / seconds;
}
