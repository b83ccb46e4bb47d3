import { route } from "@/lib/http/route";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

/**
 * Prometheus' scrape target: this process's metrics and the archive's figures from the
 * database (README "Metrics"). Only with the METRICS_TOKEN bearer; without that setting it
 * refuses everyone.
 */
export const GET = route("metrics", { auth: "metrics-token" }, async ({ logger }) => {
  const { contentType, text } = await scrapeMetrics((error) => logger.warn({ err: error }, "metrics: the database's figures could not be read"));
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
