import "server-only";
import { registerDatabaseGauges } from "./database-gauges";
import { metrics } from "./registry";

const globalForScrape = globalThis as unknown as { __auditRefreshGauges?: () => Promise<void> };

/**
 * The text Prometheus scrapes: this process's metrics and the archive's figures read from the
 * database now. A database that does not answer still gives the process's metrics, with
 * audit_database_up 0; `onDatabaseError` hears why.
 */
export async function scrapeMetrics(onDatabaseError: (error: unknown) => void): Promise<{ contentType: string; text: string }> {
  const { registry } = metrics();
  globalForScrape.__auditRefreshGauges ??= registerDatabaseGauges(registry);
  await globalForScrape.__auditRefreshGauges().catch(onDatabaseError);
  return { contentType: registry.contentType, text: await registry.metrics() };
}
