/**
 * `npm run bench:detections`: the backtest of every built-in rule over 90 days of synthetic
 * events (1,000,000 by default) in a fresh embedded PostgreSQL, p50/p95 against issue #17's
 * target of 2 s. The cost the rules add to storing a page is measured by `npm run bench:sync`.
 * Options: --events N (default 1000000), --runs N (default 5).
 */
import { cpus } from "node:os";
import { loadAverage, loadEvents, registerShape, runShapes, startBenchDatabase } from "@/lib/events/bench-kit";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const EVENTS = flag("events", 1_000_000);
const RUNS = flag("runs", 5);
const TARGET_MS = 2_000;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const database = await startBenchDatabase();
  try {
    out(`bench:detections: ${EVENTS.toLocaleString("en-US")} events, ${cpus().length} cores, load average before loading ${loadAverage()}`);
    const rate = await loadEvents(EVENTS);
    out(`  loaded at ${Math.round(rate).toLocaleString("en-US")} events/s`);
    const { BUILTIN_RULES } = await import("./builtin-rules");
    const { backtest } = await import("./backtest");
    const { db } = await import("@/lib/db/client");
    const to = new Date((await db().$queryRaw<{ at: Date }[]>`SELECT max(created_at) AS at FROM audit_event`)[0]!.at.getTime() + 1);
    const range = { from: new Date(to.getTime() - 90 * 86_400_000), to };
    const fired = new Map<string, number>();
    for (const rule of BUILTIN_RULES) {
      registerShape({
        group: "backtest over 90 days (built-in rules)",
        name: rule.name,
        targetP95Ms: TARGET_MS,
        runs: RUNS,
        run: async () => {
          const result = await backtest(rule, range);
          if ("error" in result) throw new Error(`${rule.id}: ${result.error}`);
          fired.set(rule.id, result.alerts);
        },
      });
    }
    out(`\nload average before measuring: ${loadAverage()}`);
    const { allOk } = await runShapes(out);
    out(`\nalerts each rule would have raised: ${BUILTIN_RULES.map((r) => `${r.id.replace("builtin.", "")} ${fired.get(r.id) ?? "?"}`).join(", ")}`);
    out(`load average after measuring: ${loadAverage()}`);
    out(allOk ? "every backtest within its target" : "some backtests MISSED their target");
    await db().$disconnect();
  } finally {
    await database.stop();
  }
}

await main();
