import { recordAuditEntry } from "@/lib/audit-trail/record";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "@/lib/events/export-events";
import { readEventParams } from "@/lib/events/http";
import { filterToText } from "@/lib/events/query-text";
import { badRequest } from "@/lib/http/errors";
import { actorOf, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" };

/**
 * The whole filtered set as CSV or NDJSON (`format=`), with the view's columns and order,
 * streamed. The export is recorded in the dashboard's audit trail before the first byte:
 * if that cannot be written, nothing is exported.
 */
export const GET = route("events.export", async ({ request, caller, logger }) => {
  const { filter, view, extra } = readEventParams(request.nextUrl.searchParams, ["format"]);
  const format = (extra.format ?? "csv") as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw badRequest(`format: "${format.slice(0, 20)}" is not an export format; use csv or ndjson`, { errors: [{ param: "format", message: "use csv or ndjson" }] });
  }
  const query = filterToText(filter);
  await recordAuditEntry({
    actor: actorOf(caller),
    action: format === "csv" ? "export.csv" : "export.ndjson",
    target: query.slice(0, 500),
    request,
    details: { format, columns: view.columns, sort: view.sort, search: request.nextUrl.search.slice(0, 2_000) },
  });
  const started = performance.now();
  const stream = exportEvents({
    filter,
    columns: view.columns,
    sort: view.sort,
    format,
    onEnd: (rows, completed) => logger.info({ rows, completed, ms: Math.round(performance.now() - started), format }, "export finished"),
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="asana-audit-events-${stamp}Z.${format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
