import { Gauge, type Registry } from "prom-client";
import { dbPool } from "@/lib/db/client";

/**
 * Figures about the archive, read from PostgreSQL at scrape time under the pool's statement
 * timeout (QUERY_TIMEOUT), so that every instance answers the same for the same database:
 * with several instances, take max() across them, never sum(). Each query is cheap at any
 * size: events are counted from the daily rollup (equal to a count over audit_event; the sync
 * keeps it in the same statement), the rest from small tables.
 */
const QUERIES = {
  events: `SELECT workspace_gid AS workspace, sum(count)::float8 AS value FROM event_rollup_daily GROUP BY workspace_gid`,
  newestEventAge: `SELECT workspace_gid AS workspace, extract(epoch FROM now() - watermark)::float8 AS value FROM workspace_sync_state WHERE watermark IS NOT NULL`,
  lastSuccessAge: `SELECT workspace_gid AS workspace, extract(epoch FROM now() - last_success_at)::float8 AS value FROM workspace_sync_state WHERE last_success_at IS NOT NULL`,
  runs: `SELECT kind, outcome, count(*)::float8 AS value FROM sync_run GROUP BY kind, outcome`,
  quarantined: `SELECT workspace_gid AS workspace, count(*)::float8 AS value FROM quarantined_event GROUP BY workspace_gid`,
} as const;

type Row = Record<string, string | number> & { value: number };

export function registerDatabaseGauges(registry: Registry) {
  const registers = [registry];
  const gauges = {
    up: new Gauge({ name: "audit_database_up", help: "1 when the scrape could read the archive's figures from PostgreSQL, else 0 (the figures below are then absent).", registers }),
    events: new Gauge({ name: "audit_events_stored", help: "Events stored, by workspace (same on every instance).", labelNames: ["workspace"], registers }),
    newestEventAge: new Gauge({ name: "audit_newest_event_age_seconds", help: "Seconds since the newest stored event's time (capped at when it was fetched), by workspace.", labelNames: ["workspace"], registers }),
    lastSuccessAge: new Gauge({ name: "audit_last_successful_run_age_seconds", help: "Seconds since the last sync run that succeeded, by workspace.", labelNames: ["workspace"], registers }),
    runs: new Gauge({ name: "audit_sync_runs", help: "Runs recorded in the database, by kind (sync, reconcile) and outcome (running, succeeded, partial, failed, interrupted).", labelNames: ["kind", "outcome"], registers }),
    quarantined: new Gauge({ name: "audit_quarantined_records", help: "Records kept in quarantine, by workspace.", labelNames: ["workspace"], registers }),
    pool: new Gauge({ name: "audit_db_pool_connections", help: "This process's database pool: connections open (total), idle, and queries waiting for one.", labelNames: ["state"], registers }),
  };

  /** Reads every figure afresh; a failure leaves them absent (not stale) and up at 0. */
  return async function refresh(): Promise<void> {
    const pool = dbPool();
    gauges.pool.set({ state: "total" }, pool.totalCount);
    gauges.pool.set({ state: "idle" }, pool.idleCount);
    gauges.pool.set({ state: "waiting" }, pool.waitingCount);
    const fromDb = [gauges.events, gauges.newestEventAge, gauges.lastSuccessAge, gauges.runs, gauges.quarantined];
    for (const gauge of fromDb) gauge.reset();
    try {
      const [events, newest, success, runs, quarantined] = await Promise.all(
        [QUERIES.events, QUERIES.newestEventAge, QUERIES.lastSuccessAge, QUERIES.runs, QUERIES.quarantined].map((sql) => pool.query<Row>(sql).then((r) => r.rows)),
      );
      for (const r of events!) gauges.events.set({ workspace: String(r.workspace) }, r.value);
      for (const r of newest!) gauges.newestEventAge.set({ workspace: String(r.workspace) }, Math.max(0, r.value));
      for (const r of success!) gauges.lastSuccessAge.set({ workspace: String(r.workspace) }, Math.max(0, r.value));
      for (const r of runs!) gauges.runs.set({ kind: String(r.kind), outcome: String(r.outcome) }, r.value);
      for (const r of quarantined!) gauges.quarantined.set({ workspace: String(r.workspace) }, r.value);
      gauges.up.set(1);
    } catch (error) {
      for (const gauge of fromDb) gauge.reset();
      gauges.up.set(0);
      throw error;
    }
  };
}
