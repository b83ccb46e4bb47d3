/**
 * What the archive costs on disk, per million events, for `npm run bench:queries`: the events'
 * table, its TOAST, each of its indexes, the rollups and the actor table, and the database in
 * all. Measured after VACUUM ANALYZE, so it is what a settled archive holds.
 */
import { db } from "@/lib/db/client";

interface Size {
  name: string;
  bytes: number;
}

const ROLLUPS = ["event_rollup_hourly", "event_rollup_daily", "event_facet_rollup_hourly", "event_facet_rollup_daily", "event_value_rollup_monthly"];
const TABLES = ["actor", "actor_used_value", "resource"];

export async function measureStorage(): Promise<Size[]> {
  const q = <T,>(sql: string) => db().$queryRawUnsafe<T[]>(sql);
  const [table] = await q<{ heap: bigint; toast: bigint }>(
    "SELECT pg_relation_size(c.oid) AS heap, COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) AS toast FROM pg_class c WHERE c.relname = 'audit_event'",
  );
  const indexes = await q<{ name: string; bytes: bigint }>(
    "SELECT indexrelname AS name, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes WHERE relname = 'audit_event' ORDER BY 2 DESC, 1",
  );
  const others = await q<{ name: string; bytes: bigint }>(
    `SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relname IN (${[...ROLLUPS, ...TABLES].map((r) => `'${r}'`).join(", ")}) ORDER BY 1`,
  );
  const [database] = await q<{ bytes: bigint }>("SELECT pg_database_size(current_database()) AS bytes");
  return [
    { name: "audit_event (table)", bytes: Number(table!.heap) },
    { name: "audit_event (TOAST)", bytes: Number(table!.toast) },
    ...indexes.map((i) => ({ name: `  index ${i.name}`, bytes: Number(i.bytes) })),
    { name: "audit_event indexes, all", bytes: indexes.reduce((n, i) => n + Number(i.bytes), 0) },
    ...others.map((o) => ({ name: `${o.name}${ROLLUPS.includes(o.name) ? " (rollup)" : ""}`, bytes: Number(o.bytes) })),
    { name: "database, total", bytes: Number(database!.bytes) },
  ];
}

/** One line each: megabytes in all and per million events. */
export function storageLines(sizes: Size[], events: number): string[] {
  const perMillion = 1_000_000 / events;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(9);
  return sizes.map((s) => `  ${s.name.padEnd(52)}${mb(s.bytes)} MiB  ${mb(s.bytes * perMillion)} MiB per million`);
}
