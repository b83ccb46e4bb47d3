import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit-trail/actions";
import type { AuditEntryView } from "@/lib/audit-trail/list";
import { jsonText } from "@/lib/format/json-text";
import { utcStamp } from "@/lib/format/time";
import { visibleText } from "@/lib/format/visible-text";
import { DataText } from "@/components/ui/data-text";

function actionVariant(action: string): BadgeProps["variant"] {
  if (action === "sign_in.failure" || action === "sign_in.refused" || action === "sign_in.locked" || action === "export.failed") return "destructive";
  if (action === "sign_in.success") return "success";
  if (action.startsWith("export.")) return "warning";
  return "default";
}

function detailsText(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : jsonText(value, { max: 1_000 }).text}`)
    .join(" · ");
}

export function AuditTrailTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <div className="rounded-lg border">
      <Table data-testid="audit-trail-table">
        <TableHeader>
          <TableRow>
            <TableHead className="w-48">When (UTC)</TableHead>
            <TableHead>Who</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>From</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id} data-action={entry.action}>
              <TableCell className="font-mono text-xs whitespace-nowrap">{utcStamp(entry.at)}</TableCell>
              <TableCell className="max-w-64 truncate">{entry.actorEmail ? <DataText value={entry.actorEmail} max={200} /> : <span className="text-muted-foreground">{entry.action === "sync.trigger" ? "sync secret" : "system"}</span>}</TableCell>
              <TableCell>
                <Badge variant={actionVariant(entry.action)} title={entry.action}>
                  {Object.hasOwn(AUDIT_ACTION_LABELS, entry.action) ? AUDIT_ACTION_LABELS[entry.action as AuditAction] : entry.action}
                </Badge>
              </TableCell>
              {/* Targets quote filters, and filters may quote anything Asana sent: shown visibly. */}
              <TableCell className="max-w-48 truncate">{entry.target ? <DataText value={entry.target} max={300} /> : <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap" title={entry.userAgent ? visibleText(entry.userAgent, 300) : undefined}>
                {entry.ip ?? "—"}
              </TableCell>
              <TableCell className="max-w-80 truncate text-xs text-muted-foreground" title={visibleText(detailsText(entry.details), 1_000)}>
                <DataText value={detailsText(entry.details)} max={300} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
