/**
 * `npx tsx --conditions=react-server lib/actors/bench-index-size.ts [--events N]`: what actor
 * keys cost in storage. Loads N synthetic events (default 1,000,000) through the sync's page
 * writer into a fresh embedded PostgreSQL, then prints the size of the (actor_key, created_at)
 * index, of the (actor_gid, created_at) index it replaced (built here to compare), of the
 * actor_key column in the heap, and of the actor and resource tables.
 */
import { loadEvents, startBenchDatabase } from "@/lib/events/bench-kit";

const argv = process.argv.slice(2);
const i = argv.indexOf("--events");
const EVENTS = i >= 0 ? Number(argv[i + 1]) : 1_000_000;
const out = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

async function main() {
  const database = await startBenchDatabase();
  const { db } = await import("@/lib/db/client");
  try {
    const rate = await loadEvents(EVENTS);
    out(`loaded ${EVENTS.toLocaleString("en-US")} events at ${Math.round(rate).toLocaleString("en-US")} events/s`);
    await db().$executeRawUnsafe("CREATE INDEX replaced_actor_gid_idx ON audit_event (actor_gid, created_at DESC)");
    const [row] = await db().$queryRaw<Array<Record<string, number>>>`
      SELECT pg_relation_size('audit_event_actor_time_idx')::float8 AS key_index,
             pg_relation_size('replaced_actor_gid_idx')::float8 AS gid_index,
             (SELECT sum(pg_column_size(actor_key)) FROM audit_event)::float8 AS key_column,
             pg_table_size('audit_event')::float8 AS heap,
             pg_total_relation_size('actor')::float8 AS actor_table,
             pg_total_relation_size('resource')::float8 AS resource_table,
             (SELECT count(*) FROM actor)::float8 AS actors,
             (SELECT count(*) FROM actor WHERE gid IS NULL)::float8 AS actors_without_gid,
             (SELECT count(*) FROM resource)::float8 AS resources`;
    out(`(actor_key, created_at) index: ${mib(row!.key_index!)}; the (actor_gid, created_at) index it replaces: ${mib(row!.gid_index!)}`);
    out(`actor_key in the heap: ${mib(row!.key_column!)} of ${mib(row!.heap!)} (audit_event without indexes)`);
    out(`actor table: ${mib(row!.actor_table!)} (${row!.actors} actors, ${row!.actors_without_gid} without a gid); resource table: ${mib(row!.resource_table!)} (${row!.resources} resources)`);
  } finally {
    await db().$disconnect();
    await database.stop();
  }
}

await main();
