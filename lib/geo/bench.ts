/**
 * `npm run bench:geo`: what locating client addresses costs.
 *   1. Loading the databases: wall and CPU time, and the memory they hold.
 *   2. Lookups per second: public IPv4 and IPv6 addresses, each new, and the demo
 *      organisation's addresses, which repeat.
 *   3. Enrichment of a 1,000-event page as the sync does it (lib/geo/locate-page.ts), in a
 *      fresh embedded PostgreSQL: the part the page waits for, and the background work until
 *      the rows are stored, and the sync process's CPU for both: as a backfill meets them (each
 *      address new once), cold (no address of the page located yet), after a restart (rows
 *      stored, the process remembers none) and warm (all remembered). p50/p95 against 5 ms.
 *      The page's cost is the time the sync's own thread is busy with it; the process's CPU is
 *      shown too, though it counts V8's compiler and collector threads, whose work lands in
 *      whichever page is being timed (the first pages pay for compiling the code).
 * Options: --pages N (default 100), --lookups N (default 200000), --per-page (every page's figures).
 */
import { performance } from "node:perf_hooks";
import { loadAverage, numberFlag, startBenchDatabase } from "@/lib/events/bench-kit";
import { GEO_FILES, GEO_SOURCE } from "./databases";
import { loadLocator, type Locator } from "./locate";

const PAGES = numberFlag("pages", 100);
const LOOKUPS = numberFlag("lookups", 200_000);
const PER_PAGE = process.argv.includes("--per-page");
const TARGET_MS = 5;
const out = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/**
 * How long the sync's own thread was busy, from the event loop's accounting: process.cpuUsage()
 * also counts V8's compiler and collector threads, whose work lands in whichever page is being
 * timed (the thread's own CPU clock is not exposed by Node.js 20).
 */
const busyMs = () => performance.eventLoopUtilization().active;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** A deterministic stream of numbers, so every run asks about the same addresses. */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

function publicIpv4s(count: number, seed: number): string[] {
  const next = numbers(seed);
  return Array.from({ length: count }, () => {
    const n = next();
    // First octets 1–223 outside 10 and 127: mostly allocated, unicast space.
    const first = 1 + (n % 223);
    return `${first === 10 || first === 127 ? 11 : first}.${(n >>> 8) & 255}.${(n >>> 16) & 255}.${1 + (next() % 254)}`;
  });
}

function publicIpv6s(count: number, seed: number): string[] {
  const next = numbers(seed);
  // Blocks the regional registries hand out (ARIN, RIPE, APNIC, LACNIC, AFRINIC).
  const blocks = ["2600", "2602", "2604", "2605", "2606", "2607", "2a00", "2a01", "2a02", "2a03", "2a05", "2400", "2401", "2402", "2403", "2404", "2800", "2801", "2803", "2804", "2c0f"];
  const group = () => (next() & 0xffff).toString(16);
  return Array.from({ length: count }, () => `${blocks[next() % blocks.length]}:${group()}:${group()}:${group()}::${group()}`);
}

function lookupsPerSecond(locator: Locator, addresses: readonly string[]): number {
  const started = performance.now();
  let found = 0;
  for (const ip of addresses) if (locator.locate(ip).country !== null) found++;
  if (found === 0) throw new Error("no address was found: the databases are not what they should be");
  return addresses.length / ((performance.now() - started) / 1000);
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms${p95 <= TARGET_MS ? "" : `  OVER the ${TARGET_MS} ms target`}`;
};

async function main() {
  out(`bench:geo: ${GEO_SOURCE}; load average ${loadAverage()}`);

  gc();
  const before = process.memoryUsage();
  const [wallStart, cpuStart] = [performance.now(), cpuMs()];
  const locator = await loadLocator(GEO_FILES);
  const [wall, cpu] = [performance.now() - wallStart, cpuMs() - cpuStart];
  gc();
  const after = process.memoryUsage();
  out(`loading the databases: ${wall.toFixed(0)} ms (${cpu.toFixed(0)} ms of CPU)`);
  out(`  memory held: ${mib(after.rss - before.rss)} RSS (${mib(after.arrayBuffers - before.arrayBuffers)} of file buffers, ${mib(after.heapUsed - before.heapUsed)} of JavaScript heap${globalThis.gc ? "" : ", without --expose-gc: approximate"})`);

  out(`lookups (load average ${loadAverage()}):`);
  const v4 = publicIpv4s(LOOKUPS, 1);
  const v6 = publicIpv6s(LOOKUPS, 2);
  lookupsPerSecond(locator, v4.slice(0, 10_000)); // warm the code, not the cache
  out(`  public IPv4, each new: ${Math.round(lookupsPerSecond(locator, v4)).toLocaleString("en-US")}/s`);
  out(`  public IPv6, each new: ${Math.round(lookupsPerSecond(locator, v6)).toLocaleString("en-US")}/s`);

  const database = await startBenchDatabase();
  try {
    const { generateOrganisation } = await import("@/lib/asana/emulator");
    const { addressesLocated, forgetLocatedAddresses, queueAddresses } = await import("./locate-page");
    const { db } = await import("@/lib/db/client");
    const org = generateOrganisation({ seed: 42, events: PAGES * 1_000, days: 90 });
    // Only what enrichment reads of each record: 100,000 whole events held here would put this
    // bench's own garbage collection into every page's CPU figure.
    const pages = Array.from({ length: PAGES }, (_, p) =>
      Array.from({ length: 1_000 }, (_, i) => ({ context: { client_ip_address: (org.eventAt(p * 1_000 + i) as { context?: { client_ip_address?: string } }).context?.client_ip_address } })),
    );
    const repeated = pages.flatMap((page) => page.map((e) => e.context.client_ip_address).filter((ip): ip is string => !!ip));
    out(`  the demo organisation's addresses (${new Set(repeated).size.toLocaleString("en-US")} distinct in ${repeated.length.toLocaleString("en-US")}): ${Math.round(lookupsPerSecond(locator, repeated)).toLocaleString("en-US")}/s`);
    const distinctPages = Array.from({ length: PAGES }, (_, p) => publicIpv4s(1_000, 100 + p).map((ip) => ({ context: { client_ip_address: ip } })));

    /** Times one page: queued (what the page waits for), then stored (the background work), and the CPU for both. */
    const run = async (page: readonly unknown[]) => {
      const [started, cpuStarted, threadStarted] = [performance.now(), cpuMs(), busyMs()];
      await queueAddresses(page);
      const queued = performance.now() - started;
      await addressesLocated();
      const thread = busyMs();
      return { queued, stored: performance.now() - started, cpu: cpuMs() - cpuStarted, thread: thread - threadStarted };
    };
    const series = async (label: string, list: readonly (readonly unknown[])[], prepare: (page: readonly unknown[]) => Promise<unknown>) => {
      const queued: number[] = [];
      const stored: number[] = [];
      const cpu: number[] = [];
      const thread: number[] = [];
      // What the bench itself left to collect (the demo organisation it generated) is not a page's cost.
      gc();
      for (const page of list) {
        await prepare(page);
        const t = await run(page);
        queued.push(t.queued);
        stored.push(t.stored);
        cpu.push(t.cpu);
        thread.push(t.thread);
      }
      out(`  ${label}:`);
      if (PER_PAGE) out(`    each page, the thread's time then the process's CPU:\n      ${thread.map((c) => c.toFixed(1)).join(" ")}\n      ${cpu.map((c) => c.toFixed(1)).join(" ")}`);
      out(`    the page waits ${summary(queued)}; the sync's thread is busy with it ${summary(thread)}`);
      out(`    the sync process's CPU for it, V8's compiler and collector threads included ${summary(cpu).replace(/  OVER.*/, "")}`);
      out(`    stored in the background (PostgreSQL's time included) ${summary(stored).replace(/  OVER.*/, "")}`);
    };
    const fresh = async () => {
      await db().$executeRawUnsafe("TRUNCATE ip_location");
      forgetLocatedAddresses();
    };
    const restarted = async (page: readonly unknown[]) => {
      await fresh();
      await run(page);
      forgetLocatedAddresses();
    };
    const warm = async (page: readonly unknown[]) => {
      await fresh();
      await run(page);
    };
    // The shared locator the queue uses, loaded before anything is timed.
    await (await import("./locate")).sharedLocator();
    await run(pages[0]!);

    out(`enrichment of a 1,000-event page, ${PAGES} pages each (load average ${loadAverage()}):`);
    await fresh();
    await series("demo pages in order, as a backfill stores them (each address located once)", pages, async () => undefined);
    await series("demo pages, cold (nothing located)", pages, fresh);
    await series("demo pages, after a restart (rows stored, none remembered)", pages, restarted);
    await series("demo pages, warm (all remembered)", pages, warm);
    await series("1,000 distinct public addresses, cold", distinctPages, fresh);
    await series("1,000 distinct public addresses, after a restart", distinctPages, restarted);
    await series("1,000 distinct public addresses, warm", distinctPages, warm);
    out(`load average after: ${loadAverage()}`);
    await db().$disconnect();
  } finally {
    await database.stop();
  }
}

await main();
