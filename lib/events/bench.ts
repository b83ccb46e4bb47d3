/**
 * `npm run bench:queries`: the event explorer's query shapes over 1,000,000 synthetic events
 * in a fresh embedded PostgreSQL. Prints p50/p95 server time (the data function, plus
 * serialising its answer as the route would) for each shape against its target, export
 * throughput, and the machine's load while it ran.
 * Options: --events N (default 1000000), --runs N (default 30); --database-url URL measures an
 * archive already loaded (by an earlier run, or a real one) instead of loading one, and
 * --skip-export leaves out the export, the longest part at 10M; --only TEXT measures only the
 * groups whose name holds TEXT (--only "world map").
 */
import { cpus } from "node:os";
import { loadAverage, loadEvents, registerShape, runShapes, startBenchDatabase } from "./bench-kit";
import type { FacetPart } from "./facet-parts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DATABASE_URL = option("database-url");
const ONLY = option("only");
const SKIP_EXPORT = argv.includes("--skip-export") || ONLY !== undefined;
let EVENTS = flag("events", 1_000_000);
const RUNS = flag("runs", 30);
const PAGE_TARGET = 100;
/** Exact facet counts (issue #16): from the rollups wherever the filter allows. */
const FACET_TARGET = 150;
const TEXT_TARGET = 1_000;
const TEXT_GROUP = "free text, complete answers (all time)";
const EXPORT_TARGET = 50_000;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const database = DATABASE_URL ? await openLoadedDatabase(DATABASE_URL) : await startBenchDatabase();
  try {
    if (DATABASE_URL) {
      const { db } = await import("@/lib/db/client");
      EVENTS = Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event`)[0]!.n);
      out(`bench:queries: an archive already loaded, ${EVENTS.toLocaleString("en-US")} events, ${cpus().length} cores, load average ${loadAverage()}`);
    } else {
      out(`bench:queries: ${EVENTS.toLocaleString("en-US")} events, ${cpus().length} cores, load average before loading ${loadAverage()}`);
      let last = 0;
      const rate = await loadEvents(EVENTS, {
        onProgress: (done) => {
          if (done - last >= 100_000 || done === EVENTS) {
            out(`  loaded ${done.toLocaleString("en-US")}`);
            last = done;
          }
        },
      });
      out(`  loaded through the sync's page writer at ${Math.round(rate).toLocaleString("en-US")} events/s, then VACUUM ANALYZE`);
      // Only here: an archive of someone's (--database-url) keeps the locations it has.
      out(`  addresses given a location: ${(await (await import("./bench-geo")).locateBenchAddresses()).toLocaleString("en-US")} (a synthetic one each where ip_location had none)`);
    }
    const { measureStorage, storageLines } = await import("./bench-storage");
    out("\nstorage");
    for (const line of storageLines(await measureStorage(), EVENTS)) out(line);
    await registerExplorerShapes();
    await (await import("@/lib/stats/bench")).registerStatsShapes(RUNS);
    out(`\nload average before measuring: ${loadAverage()}`);
    const { results } = await runShapes(undefined, ONLY);
    const exportRate = SKIP_EXPORT ? null : await exportThroughput();
    out(`\nload average after measuring: ${loadAverage()}`);

    const { OVERVIEW_GROUP, TIMELINE_GROUP, MAP_GROUP, STATS_GROUPS } = await import("@/lib/stats/bench");
    const stats = (group: string) => results.filter((r) => r.shape.group === group);
    const pages = results.filter((r) => r.shape.group !== "facets and counts" && r.shape.group !== TEXT_GROUP && !STATS_GROUPS.includes(r.shape.group));
    const text = results.filter((r) => r.shape.group === TEXT_GROUP);
    const facets = results.filter((r) => r.shape.group === "facets and counts");
    out("\nsummary");
    // A group left out by --only has no line.
    const summary = (label: string, list: typeof results, target: number) => {
      if (list.length === 0) return;
      const worst = list.reduce((a, r) => (r.p95 > a.p95 ? r : a), list[0]!);
      out(`  ${label}: worst p95 ${worst.p95.toFixed(1)} ms (${worst.name}); target ≤ ${target} ms: ${list.every((r) => r.ok) ? "met" : "MISSED"}`);
    };
    summary("pages", pages, PAGE_TARGET);
    summary("free text, complete", text, TEXT_TARGET);
    summary("facets", facets, FACET_TARGET);
    if (exportRate !== null) out(`  export: ${Math.round(exportRate).toLocaleString("en-US")} rows/s (the slower of CSV and NDJSON); target ≥ ${EXPORT_TARGET.toLocaleString("en-US")}: ${exportRate >= EXPORT_TARGET ? "met" : "MISSED"}`);
    for (const [label, group] of [["overview", OVERVIEW_GROUP], ["actor timeline", TIMELINE_GROUP], ["world map", MAP_GROUP]] as const) {
      const list = stats(group);
      summary(label, list, list[0]?.shape.targetP95Ms ?? 0);
    }
  } finally {
    const { db } = await import("@/lib/db/client");
    await db().$disconnect();
    await database.stop();
  }
}

/** An archive loaded elsewhere, migrated to this code's schema first (as the app's start does); left as it was found. */
async function openLoadedDatabase(url: string): Promise<{ stop: () => Promise<void> }> {
  const { migrate } = await import("@/lib/db/migrate");
  const { overrideEnv } = await import("@/lib/env");
  await migrate(url);
  overrideEnv({ DATABASE_URL: url, QUERY_TIMEOUT: 0 });
  return { stop: async () => {} };
}

/** Values that exist in the loaded data, picked the way an investigator would meet them. */
async function sampleValues() {
  const { db } = await import("@/lib/db/client");
  const one = async <T,>(sql: string) => (await db().$queryRawUnsafe<T[]>(sql))[0]!;
  const busiest = await one<{ gid: string; email: string | null }>("SELECT gid, email FROM actor WHERE gid IS NOT NULL ORDER BY event_count DESC LIMIT 1");
  const typical = await one<{ gid: string; email: string; name: string; event_count: number }>("SELECT gid, email, name, event_count FROM actor WHERE gid IS NOT NULL AND email IS NOT NULL AND name IS NOT NULL ORDER BY event_count DESC OFFSET 50 LIMIT 1");
  // Someone seldom seen (a hundredth of the users have fewer events): a rare term.
  const rare = await one<{ email: string; event_count: number }>(
    "SELECT email, event_count FROM actor WHERE gid IS NOT NULL AND email IS NOT NULL AND event_count >= 5 ORDER BY event_count, email OFFSET (SELECT count(*) / 100 FROM actor WHERE gid IS NOT NULL) LIMIT 1",
  );
  const resource = await one<{ resource_gid: string; resource_name: string }>(
    "SELECT resource_gid, resource_name FROM audit_event WHERE resource_type = 'project' AND resource_name IS NOT NULL ORDER BY created_at DESC LIMIT 1",
  );
  const ip = await one<{ ip: string }>("SELECT host(client_ip) AS ip FROM audit_event WHERE client_ip IS NOT NULL ORDER BY created_at DESC OFFSET 1000 LIMIT 1");
  const app = await one<{ app: string }>("SELECT oauth_app_name AS app FROM audit_event WHERE oauth_app_name IS NOT NULL ORDER BY created_at DESC LIMIT 1");
  const deep = await one<{ created_at: Date; gid: string }>(`SELECT created_at, gid FROM audit_event ORDER BY created_at DESC, gid DESC OFFSET ${Math.floor(EVENTS * 0.9)} LIMIT 1`);
  return { busiest, typical, rare, resource, ip: ip.ip, app: app.app, deep: { at: deep.created_at.toISOString(), gid: deep.gid } };
}

async function registerExplorerShapes() {
  const { listEvents } = await import("./list-events");
  const { countFacetPart } = await import("./count-facets");
  const { countEvents } = await import("./count-events");
  const { textToFilter } = await import("./query-text");
  const v = await sampleValues();
  const q = (text: string) => {
    const parsed = textToFilter(text);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.errors[0]!.message}`);
    return parsed.filter;
  };
  // Served as JSON by the route: serialising is part of the server's time.
  const page = (text: string, extra: Partial<Parameters<typeof listEvents>[0]> = {}) => async () =>
    JSON.stringify(await listEvents({ filter: q(text), sort: "newest", size: 50, page: null, ...extra }));
  const pageShape = (group: string, name: string, text: string, extra: Partial<Parameters<typeof listEvents>[0]> = {}) =>
    registerShape({ group, name, targetP95Ms: PAGE_TARGET, runs: RUNS, run: page(text, extra) });

  const g1 = "pages (50 rows, newest first)";
  pageShape(g1, "first page, all time, no filter", "since:all");
  pageShape(g1, "first page, last 7 days (the default view)", "since:7d");
  pageShape(g1, "first page of 500 rows, all time", "since:all", { size: 500 });
  pageShape(g1, "deep page (90% down, keyset), all time", "since:all", { page: { after: v.deep } });
  pageShape(g1, "deep page going back (before=), all time", "since:all", { page: { before: v.deep } });
  pageShape(g1, "oldest first, all time", "since:all", { sort: "oldest" });

  const g2 = "single-filter pages (all time)";
  pageShape(g2, "event type (rare: SAML setting changed)", "type:workspace_saml_settings_changed since:all");
  pageShape(g2, "event type (common: login succeeded)", "type:user_login_succeeded since:all");
  pageShape(g2, "category (admin settings)", "category:admin_settings since:all");
  pageShape(g2, "actor type (external administrator)", "actor_type:external_administrator since:all");
  pageShape(g2, "actor by gid (busiest actor)", `actor:${v.busiest.gid} since:all`);
  pageShape(g2, "actor by e-mail", `actor:${v.typical.email} since:all`);
  pageShape(g2, "actor by part of a name", `actor:"${v.typical.name.split(" ")[1] ?? v.typical.name}" since:all`);
  pageShape(g2, "resource by gid", `resource:${v.resource.resource_gid} since:all`);
  pageShape(g2, "resource type (project)", "resource_type:project since:all");
  pageShape(g2, "IP address, exact", `ip:${v.ip} since:all`);
  pageShape(g2, "IP range (CIDR /8)", `ip:${v.ip.includes(":") ? "2001:db8::/32" : `${v.ip.split(".")[0]}.0.0.0/8`} since:all`);
  pageShape(g2, "context type (api)", "context:api since:all");
  pageShape(g2, "auth method (personal access token)", "auth:personal_access_token since:all");
  pageShape(g2, "OAuth app", `app:"${v.app}" since:all`);
  pageShape(g2, "exclusion (not logins)", "-category:logins since:all");

  const g3 = "combinations and free text";
  pageShape(g3, "three filters, last 7 days", "category:deletion actor_type:user context:web since:7d");
  pageShape(g3, "three filters, all time", `actor:${v.typical.gid} category:deletion -context:mobile since:all`);
  pageShape(g3, "free text, common term (a domain), all time", `${v.typical.email.split("@")[1]} since:all`);
  pageShape(g3, "free text, no match, last 7 days (complete)", "zzqx-nothing since:7d");
  pageShape(g3, "resource by part of a name, last 7 days", `resource:"${v.resource.resource_name.slice(0, 12)}" since:7d`);

  // Issue #16: the whole answer for a rare term, or "nothing matches", over all time within a
  // second; a shape fails loudly if the answer came back partial.
  const whole = (text: string) => async () => {
    const answer = await listEvents({ filter: q(text), sort: "newest", size: 50, page: null });
    if (answer.scanned) throw new Error(`${text}: the answer stopped at the scan budget`);
    return JSON.stringify(answer);
  };
  registerShape({ group: TEXT_GROUP, name: `rare term (someone with ${v.rare.event_count} events)`, targetP95Ms: TEXT_TARGET, runs: RUNS, run: whole(`"${v.rare.email}" since:all`) });
  // A complete answer too, not one request's batch: at 10M a person's events are too thin among
  // the newest to fill a page, and the index reads all of them (9,000: about 150 ms).
  registerShape({ group: TEXT_GROUP, name: `one person's e-mail (someone with ${v.typical.event_count} events)`, targetP95Ms: TEXT_TARGET, runs: RUNS, run: whole(`"${v.typical.email}" since:all`) });
  registerShape({ group: TEXT_GROUP, name: "no match", targetP95Ms: TEXT_TARGET, runs: RUNS, run: whole("zzqx-nothing since:all") });

  const g4 = "facets and counts";
  // The panel's two requests (facet-parts.ts), each timed as the browser waits for it.
  const facets = (text: string, part: FacetPart = "values") => async () => JSON.stringify(await countFacetPart(q(text), part));
  const facetShape = (name: string, text: string) => registerShape({ group: g4, name, targetP95Ms: FACET_TARGET, runs: RUNS, run: facets(text) });
  const placeShape = (name: string, text: string) => registerShape({ group: g4, name: `${name}: countries and networks`, targetP95Ms: FACET_TARGET, runs: RUNS, run: facets(text, "places") });
  facetShape("facets, last 7 days (the default view; rollups)", "since:7d");
  facetShape("facets, last 24 hours (rollups)", "since:24h");
  facetShape("facets, all time (rollups)", "since:all");
  facetShape("facets, event type selected, 30 days (rollups, actors counted)", "type:task_deleted since:30d");
  facetShape("facets, failed logins, 30 days (issue #16's case)", "type:user_login_failed since:30d");
  facetShape("facets, category, actor type and context, 30 days (rollups)", "category:deletion actor_type:user context:web since:30d");
  facetShape("facets, busiest actor, all time (counted, or the newest 25,000)", `actor:${v.busiest.gid} since:all`);
  facetShape("facets, IP address, all time (counted)", `ip:${v.ip} since:all`);
  facetShape("facets, free text, last 24 hours (counted, or the newest 20,000)", `${v.typical.email.split("@")[1]} since:24h`);
  registerShape({
    group: g4,
    name: "facets, rare term, all time (exact)",
    targetP95Ms: FACET_TARGET,
    runs: RUNS,
    run: async () => {
      const facets = await countFacetPart(q(`"${v.rare.email}" since:all`), "values");
      if (Object.values(facets.windows).some((w) => w?.narrowed)) throw new Error("a rare term's facets were narrowed");
      return JSON.stringify(facets);
    },
  });
  facetShape("facets, free text, all time (estimate: the newest 20,000)", `${v.typical.email.split("@")[1]} since:all`);
  placeShape("facets, last 7 days", "since:7d");
  placeShape("facets, all time", "since:all");
  placeShape("facets, free text, all time", `${v.typical.email.split("@")[1]} since:all`);
  // Under a location filter both requests read ip_location: timed until the panel is whole.
  const wholePanel = (name: string, text: string) =>
    registerShape({ group: g4, name: `${name}, both requests`, targetP95Ms: FACET_TARGET, runs: RUNS, run: async () => JSON.stringify(await Promise.all([facets(text)(), facets(text, "places")()])) });
  await (await import("./bench-geo")).registerGeoShapes(pageShape, wholePanel);
  registerShape({ group: g4, name: "count, all time (estimate)", targetP95Ms: PAGE_TARGET, runs: RUNS, run: async () => countEvents(q("since:all")) });
  registerShape({ group: g4, name: "count, rare type (exact)", targetP95Ms: PAGE_TARGET, runs: RUNS, run: async () => countEvents(q("type:workspace_saml_settings_changed since:all")) });
}

/** The whole table exported as CSV and as NDJSON, read as a client would; returns the slower rate. */
async function exportThroughput(): Promise<number> {
  const { exportEvents } = await import("./export-events");
  const { emptyFilter } = await import("./filters");
  const { DEFAULT_COLUMNS } = await import("./view");
  out("\nexport (streamed, default columns)");
  let slowest = Infinity;
  for (const format of ["csv", "ndjson"] as const) {
    const started = performance.now();
    let rows = 0;
    let bytes = 0;
    const reader = (await exportEvents({ filter: emptyFilter({ kind: "relative", last: "all" }), columns: DEFAULT_COLUMNS, sort: "newest", format, onEnd: (n) => (rows = n) })).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = rows / seconds;
    slowest = Math.min(slowest, rate);
    out(`  ${format}: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString("en-US")} rows/s; peak RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  }
  return slowest;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
