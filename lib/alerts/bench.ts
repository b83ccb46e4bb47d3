/**
 * `npm run bench:alerts`: the alerts inbox over 100,000 alerts in a fresh embedded
 * PostgreSQL (issue #17: it answers within 100 ms p95). Alerts are spread over rules,
 * severities, statuses, actors and a year, with a few events each; each shape is the data
 * function plus serialising its answer as the route would, measured p50/p95.
 * Options: --alerts N (default 100000), --runs N (default 30).
 */
import { cpus } from "node:os";
import { loadAverage, registerShape, runShapes, startBenchDatabase } from "@/lib/events/bench-kit";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const ALERTS = flag("alerts", 100_000);
const RUNS = flag("runs", 30);
const TARGET = 100;
const RULES = 30;
const ACTORS = 2_000;
const EVENTS_PER_ALERT = 3;

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Rules, actors and alerts in set-based statements: rule k raises about twice as often as rule
 * k+1 ... flattening out (a few noisy rules, a long tail); severities 40/30/20/10 % low to
 * critical; statuses 15 % open, 15 % acknowledged, 70 % resolved; last events over 365 days.
 */
async function load(): Promise<number> {
  const { db } = await import("@/lib/db/client");
  const started = performance.now();
  await db().$executeRawUnsafe(`
    INSERT INTO detection_rule (id, name, query, condition, settings, severity, dedup_seconds, updated_at)
    SELECT 'bench.rule-' || k, 'Bench rule ' || k, 'type:task_deleted', 'match', '{"groupBy":"actor"}', 'medium', 3600, now()
    FROM generate_series(1, ${RULES}) AS k`);
  await db().$executeRawUnsafe(`
    INSERT INTO actor (key, gid, actor_type, name, email, first_seen, last_seen, event_count)
    SELECT (1200000000000000 + k)::text, (1200000000000000 + k)::text, 'user', 'Bench person ' || k, 'person' || k || '@example.com', now() - interval '400 days', now(), 100
    FROM generate_series(1, ${ACTORS}) AS k`);
  await db().$executeRawUnsafe(`
    INSERT INTO alert (rule_id, rule_version, dedup_key, status, severity, title, first_at, last_at, event_count, actor_key, created_at, updated_at)
    SELECT 'bench.rule-' || (1 + least(${RULES - 1}, floor(-ln(1 - random() * 0.999) * 4)::int)),
      1, actor, status, severity, 'Bench rule: Bench person ' || actor, last_at - (random() * interval '1 hour'), last_at, ${EVENTS_PER_ALERT}, actor, last_at, last_at
    FROM (
      SELECT (1200000000000000 + 1 + floor(random() * ${ACTORS})::int)::text AS actor,
        CASE WHEN r < 0.15 THEN 'open' WHEN r < 0.30 THEN 'acknowledged' ELSE 'resolved' END AS status,
        CASE WHEN s < 0.40 THEN 'low' WHEN s < 0.70 THEN 'medium' WHEN s < 0.90 THEN 'high' ELSE 'critical' END AS severity,
        now() - random() * interval '365 days' AS last_at
      FROM (SELECT random() AS r, random() AS s FROM generate_series(1, ${ALERTS})) AS draws
    ) AS a`);
  await db().$executeRawUnsafe(`
    INSERT INTO alert_event (alert_id, event_gid, created_at)
    SELECT a.id, (a.id * 10 + e)::text, a.first_at + (a.last_at - a.first_at) * e / ${EVENTS_PER_ALERT}
    FROM alert a CROSS JOIN generate_series(1, ${EVENTS_PER_ALERT}) AS e`);
  await db().$executeRawUnsafe(`UPDATE alert SET acknowledged_by = 'ann@example.com', acknowledged_at = last_at WHERE status = 'acknowledged'`);
  await db().$executeRawUnsafe(`UPDATE alert SET resolved_by = 'bob@example.com', resolved_at = last_at WHERE status = 'resolved'`);
  for (const table of ["alert", "alert_event", "detection_rule", "actor"]) await db().$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
  return (performance.now() - started) / 1000;
}

async function register() {
  const { db } = await import("@/lib/db/client");
  const { listAlerts } = await import("./list");
  const { countOpenAlerts, summariseOpenAlerts } = await import("./count");
  const { getAlert } = await import("./get-alert");
  const { encodeAlertCursor } = await import("./cursor");
  const serialised = (work: () => Promise<unknown>) => async () => JSON.stringify(await work());
  const one = async <T,>(sql: string) => (await db().$queryRawUnsafe<T[]>(sql))[0]!;

  // A noisy rule and one of the long tail; an actor with a typical number of alerts; positions deep in the list.
  const noisy = await one<{ rule_id: string; n: number }>("SELECT rule_id, count(*)::int AS n FROM alert GROUP BY rule_id ORDER BY n DESC LIMIT 1");
  const rare = await one<{ rule_id: string; n: number }>("SELECT rule_id, count(*)::int AS n FROM alert GROUP BY rule_id ORDER BY n, rule_id LIMIT 1");
  const actor = await one<{ key: string; email: string }>(`SELECT key, email FROM actor ORDER BY key OFFSET ${ACTORS / 2} LIMIT 1`);
  const deep = async (where: string) => {
    const row = await one<{ id: string; last_at: Date }>(`SELECT id::text, last_at FROM alert ${where} ORDER BY last_at DESC, id DESC OFFSET (SELECT floor(count(*) * 0.9)::int FROM alert ${where}) LIMIT 1`);
    return encodeAlertCursor(row.last_at, row.id);
  };
  const deepAll = await deep("");
  const deepOpen = await deep("WHERE status = 'open'");
  const sample = await one<{ id: string }>("SELECT id::text FROM alert WHERE status = 'open' ORDER BY last_at DESC LIMIT 1 OFFSET 10");
  out(`  noisiest rule ${noisy.n.toLocaleString("en-US")} alerts, rarest ${rare.n.toLocaleString("en-US")}; one actor of ${ACTORS.toLocaleString("en-US")}`);

  const list = (name: string, input: Parameters<typeof listAlerts>[0]) => registerShape({ group: "inbox list (50 a page)", name, targetP95Ms: TARGET, runs: RUNS, run: serialised(() => listAlerts(input)) });
  list("default view: open", {});
  list("acknowledged", { status: "acknowledged" });
  list("resolved", { status: "resolved" });
  list("all statuses", { status: "all" });
  list("open, critical", { severity: ["critical"] });
  list("all, high and critical", { status: "all", severity: ["high", "critical"] });
  list("open, the noisiest rule", { rule: noisy.rule_id });
  list("open, the rarest rule", { rule: rare.rule_id });
  list("all, the rarest rule", { status: "all", rule: rare.rule_id });
  list("open, one actor by key", { actor: actor.key });
  list("all, one actor by key", { status: "all", actor: actor.key });
  list("all, one actor by e-mail", { status: "all", actor: actor.email });
  list("open, last 24 hours", { range: "24h" });
  list("all, last 7 days", { status: "all", range: "7d" });
  list("open, critical, noisiest rule, last 30 days", { severity: ["critical"], rule: noisy.rule_id, range: "30d" });
  list("all, a page 90% deep (keyset)", { status: "all", cursor: deepAll });
  list("open, a page 90% deep (keyset)", { cursor: deepOpen });
  list("all, critical, 90% deep (keyset)", { status: "all", severity: ["critical"], cursor: deepAll });

  registerShape({ group: "counts and detail", name: "open count (the navigation's badge)", targetP95Ms: TARGET, runs: RUNS, run: serialised(countOpenAlerts) });
  registerShape({ group: "counts and detail", name: "overview summary (by severity, latest 5)", targetP95Ms: TARGET, runs: RUNS, run: serialised(summariseOpenAlerts) });
  registerShape({ group: "counts and detail", name: "one alert's detail", targetP95Ms: TARGET, runs: RUNS, run: serialised(() => getAlert(sample.id)) });
}

async function main() {
  const database = await startBenchDatabase();
  try {
    out(`bench:alerts: ${ALERTS.toLocaleString("en-US")} alerts, ${RULES} rules, ${ACTORS.toLocaleString("en-US")} actors, ${cpus().length} cores, load average ${loadAverage()}`);
    const seconds = await load();
    out(`  loaded in ${seconds.toFixed(1)} s (with ${(ALERTS * EVENTS_PER_ALERT).toLocaleString("en-US")} alert events), then VACUUM ANALYZE`);
    await register();
    const { results, allOk } = await runShapes();
    const worst = results.reduce((a, r) => (r.p95 > a.p95 ? r : a), results[0]!);
    out(`\nsummary\n  worst p95 ${worst.p95.toFixed(1)} ms (${worst.name}); target ≤ ${TARGET} ms: ${allOk ? "met" : "MISSED"}`);
    out(`  load average after measuring: ${loadAverage()}`);
    if (!allOk) process.exitCode = 1;
  } finally {
    const { db } = await import("@/lib/db/client");
    await db().$disconnect();
    await database.stop();
  }
}

await main();
