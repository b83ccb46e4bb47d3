import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus registry and the metrics recorded as things happen. Next.js bundles
 * its own copy of whatever imports this, and the HTTP server (lib/server/serve.ts) is another:
 * the metrics live on globalThis so that every copy in the process records into one registry.
 * prom-client itself stays outside the bundle (next.config.js), so the classes are shared too.
 *
 * Counters and histograms are this process's own: with several instances Prometheus sums
 * them. Figures about the archive come from the database at scrape time (database-gauges.ts).
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "audit_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: "audit_http_requests_total", help: "HTTP requests answered, by route (API route name, or (page), (static), or (gate) for those refused at the door), method and status.", labelNames: ["route", "method", "status"], registers }),
    httpDuration: new Histogram({
      name: "audit_http_request_duration_seconds",
      help: "Time to answer an HTTP request (to the response's headers for streamed answers), by route and method.",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    pagesWritten: new Counter({ name: "audit_sync_pages_written_total", help: "Pages of events this process committed to PostgreSQL.", registers }),
    pageWriteSeconds: new Histogram({
      name: "audit_sync_page_write_seconds",
      help: "Time to commit one page (its events, rollups, quarantined records and cursor), waiting for a writer included.",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    eventsWritten: new Counter({ name: "audit_sync_events_written_total", help: "Events this process stored that were new (replays excluded).", registers }),
    recordsQuarantined: new Counter({ name: "audit_sync_records_quarantined_total", help: "Records this process quarantined (kept aside with the reason, shown on the Sync page).", registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { __auditMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.__auditMetrics ??= createMetrics();
  return globalForMetrics.__auditMetrics;
}

/** Records one answered HTTP request. */
export function recordHttpRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpRequests.inc({ route, method, status: String(status) });
  m.httpDuration.observe({ route, method }, seconds);
}
