/**
 * `npx tsx --conditions=react-server lib/actors/bench-places.ts [--events N] [--busy N] [--runs N]`:
 * what an actor's places cost. Loads N synthetic events (default 1,000,000) through the sync's
 * page writer into a fresh embedded PostgreSQL, and one integration-like user with --busy
 * events (default 100,000: the busiest actor at 10M has 200,000) from 5,000 addresses over 90
 * days who signs in once in 50 events; gives every distinct address a location (a country,
 * coordinates and one of 400 networks, a tenth of them hosting providers', by a hash of the
 * address), then prints p50/p95 of the actor page's place queries for that user, the actor with
 * the most addresses and the user with the most sign-ins.
 */
import { cpus } from "node:os";
import { loadAverage, loadEvents, measure, startBenchDatabase } from "@/lib/events/bench-kit";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const EVENTS = flag("events", 1_000_000);
const BUSY = flag("busy", 100_000);
const BUSY_ACTOR = { actor_type: "user", gid: "9970000000000001", name: "Busy Integration", email: "busy@example.com" };
const RUNS = flag("runs", 30);
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

const LOCATE = `
INSERT INTO ip_location (ip, source, country, city, latitude, longitude, asn, as_org, hosting)
SELECT ip, 'bench', (ARRAY['DE','US','FR','GB','JP','BR','IN','NL','SG','AU'])[1 + abs(h) % 10], 'City ' || abs(h) % 500,
  (abs(h) % 1400) / 10.0 - 70, (abs(h / 7) % 3600) / 10.0 - 180, 64512 + abs(h) % 400, 'Network ' || abs(h) % 400, abs(h) % 400 < 40
FROM (SELECT DISTINCT client_ip AS ip, hashtext(host(client_ip)) AS h FROM audit_event WHERE client_ip IS NOT NULL) AS a`;

async function main() {
  const database = await startBenchDatabase();
  const { db } = await import("@/lib/db/client");
  try {
    out(`bench-places: ${EVENTS.toLocaleString("en-US")} events, ${cpus().length} cores, load average before loading ${loadAverage()}`);
    const rate = await loadEvents(EVENTS);
    await loadBusyActor();
    const located = await db().$executeRawUnsafe(LOCATE);
    await db().$executeRawUnsafe("VACUUM ANALYZE ip_location");
    out(`  loaded at ${Math.round(rate).toLocaleString("en-US")} events/s; ${located.toLocaleString("en-US")} addresses located`);

    const { getActorPlaces } = await import("./get-actor-places");
    const { getPlaceMarkers } = await import("./place-markers");
    const { getActorProfile } = await import("./get-actor-profile");
    const { getActorSignIns } = await import("./get-actor-sign-ins");
    const pick = async (what: string, sql: string) => {
      const [row] = await db().$queryRawUnsafe<Array<{ key: string; events: number; addresses: number; sign_ins: number }>>(`
        WITH chosen AS (${sql})
        SELECT c.key, a.event_count AS events,
          (SELECT count(*)::int FROM actor_used_value WHERE actor_key = c.key AND kind = 0) AS addresses,
          (SELECT count(*)::int FROM audit_event WHERE actor_key = c.key AND event_type = 'user_login_succeeded') AS sign_ins
        FROM chosen AS c JOIN actor AS a ON a.key = c.key`);
      out(`\n${what}: ${row!.events.toLocaleString("en-US")} events, ${row!.addresses.toLocaleString("en-US")} addresses, ${row!.sign_ins.toLocaleString("en-US")} sign-ins`);
      return row!.key;
    };
    const actors = [
      await pick("the busy user", `SELECT '${BUSY_ACTOR.gid}' AS key`),
      await pick("the actor with the most addresses", "SELECT actor_key AS key FROM actor_used_value WHERE kind = 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
      await pick("the user with the most sign-ins", "SELECT actor_key AS key FROM audit_event WHERE event_type = 'user_login_succeeded' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
    ];
    const now = new Date();
    for (const [i, key] of actors.entries()) {
      out(`actor ${i + 1}`);
      const shapes: Array<[string, () => Promise<unknown>]> = [
        ["places, all time (actor_used_value)", () => getActorPlaces(key, { kind: "relative", last: "all" }, { now })],
        ["places, last 30 days (events)", () => getActorPlaces(key, { kind: "relative", last: "30d" }, { now })],
        ["places, last 7 days (events)", () => getActorPlaces(key, { kind: "relative", last: "7d" }, { now })],
        ["first-seen markers, countries and networks", () => getPlaceMarkers(key)],
        ["profile panel with the markers", () => getActorProfile(key)],
        ["sign-ins, first page of 50, all time", () => getActorSignIns(key, { kind: "relative", last: "all" }, { size: 50, after: null }, now)],
        ["sign-ins, first page of 50, last 7 days", () => getActorSignIns(key, { kind: "relative", last: "7d" }, { size: 50, after: null }, now)],
      ];
      for (const [name, run] of shapes) {
        const m = await measure(name, run, { runs: RUNS });
        out(`  ${name.padEnd(46)} p50 ${ms(m.p50).padEnd(8)} p95 ${ms(m.p95).padEnd(8)} max ${ms(m.max)}`);
      }
    }
    out(`\nload average after: ${loadAverage()}`);
  } finally {
    await db().$disconnect();
    await database.stop();
  }
}

/** The busy user's events, through the sync's own statement, 2,000 a page. */
async function loadBusyActor() {
  const { inWriteTransaction, insertEventPage } = await import("@/lib/sync/store");
  const now = Date.now();
  const span = 90 * 86_400_000;
  for (let from = 0; from < BUSY; from += 2_000) {
    const data: unknown[] = [];
    for (let i = from; i < Math.min(BUSY, from + 2_000); i++) {
      const address = (i * 7919) % 5_000;
      data.push({
        gid: `99700${String(i).padStart(11, "0")}`,
        created_at: new Date(now - span + Math.floor((i / BUSY) * span)).toISOString(),
        event_type: i % 50 === 0 ? "user_login_succeeded" : "attachment_downloaded",
        event_category: i % 50 === 0 ? "logins" : "content_export",
        actor: BUSY_ACTOR,
        resource: { resource_type: "task", gid: `99710${String(i % 1_000).padStart(11, "0")}`, name: "A task" },
        details: {},
        context: { context_type: "api", client_ip_address: `198.18.${address >> 8}.${address & 255}` },
      });
    }
    await inWriteTransaction((tx) => insertEventPage(tx, { workspaceGid: "1", text: JSON.stringify({ data, next_page: null }), skip: [] }));
  }
  const { db } = await import("@/lib/db/client");
  await db().$executeRawUnsafe("VACUUM ANALYZE audit_event");
}

await main();
