import { recordAuditEntry } from "@/lib/audit-trail/record";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "@/lib/events/export-events";
import { readEventParams } from "@/lib/events/http";
import { filterToText } from "@/lib/events/query-text";
import { badRequest } from "@/lib/http/errors";
import { actorOf, route } from "@/lib/http/route";
import { concreteZone } from "@/lib/events/view";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" };

/**
 * The whole filtered set as CSV or NDJSON (`format=`), with the view's columns and order,
 * streamed. The export is recorded in the dashboard's audit trail before the first byte:
 * if that cannot be written, nothing is exported. A HEAD request checks the parameters and
 * answers the headers only: nothing is read, nothing recorded. An export whose reading fails
 * is recorded too (export.failed): before the first byte it is a 500 and no file; later the
 * file ends with a line that says it is cut short, and the answer is broken off.
 */
export const GET = route("events.export", async ({ request, caller, logger }) => {
  const { filter, view, extra } = readEventParams(request.nextUrl.searchParams, ["format"]);
  const format = (extra.format ?? "csv") as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw badRequest(`format: "${format.slice(0, 20)}" is not an export format; use csv or ndjson`, { errors: [{ param: "format", message: "use csv or ndjson" }] });
  }
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const headers = {
    "content-type": CONTENT_TYPES[format],
    "content-disposition": `attachment; filename="asana-audit-events-${stamp}Z.${format}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  if (request.method === "HEAD") return new Response(null, { headers });

  const query = filterToText(filter);
  const audit = { actor: actorOf(caller), target: query.slice(0, 500), request };
  await recordAuditEntry({ ...audit, action: format === "csv" ? "export.csv" : "export.ndjson", details: { format, columns: view.columns, sort: view.sort, search: request.nextUrl.search.slice(0, 2_000) } });
  const started = performance.now();
  const failed = (rows: number, error: unknown, fileSent: boolean) => {
    logger.error({ err: error, rows, format, fileSent }, fileSent ? "export failed: the file was cut short" : "export failed before the first byte");
    return recordAuditEntry({ ...audit, action: "export.failed", details: { format, rows, fileSent, cutShort: fileSent } }).catch((err: unknown) =>
      logger.error({ err }, "could not record a failed export in the audit trail"),
    );
  };
  const stream = await exportEvents({
    filter,
    columns: view.columns,
    sort: view.sort,
    format,
    // The browser names its zone (exportUrl); "local" without one is UTC, and the file says so.
    zone: concreteZone(view.tz, null),
    onEnd: (rows, completed, error) => {
      logger.info({ rows, completed, ms: Math.round(performance.now() - started), format }, "export finished");
      if (error !== undefined) void failed(rows, error, true);
    },
  }).catch(async (error: unknown) => {
    await failed(0, error, false);
    throw error;
  });
  return new Response(stream, { headers });
});
