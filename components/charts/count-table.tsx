"use client";

import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount } from "@/lib/format/time";

export interface CountRow {
  key: string;
  label: React.ReactNode;
  count: number;
  /** The explorer's table of these events; null when the filter model cannot say it. */
  href: string | null;
  detail?: React.ReactNode;
}

/**
 * A panel's figures as a table: each count is a link to the events it counts. `total` adds
 * each row's share of it (left out for top-N lists, whose rows are not the whole).
 */
export function CountTable({ rows, total, label, countLabel = "Events" }: { rows: CountRow[]; total?: number; label: string; countLabel?: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{label}</TableHead>
          <TableHead className="text-right">{countLabel}</TableHead>
          {total !== undefined ? <TableHead className="text-right">Share</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell className="max-w-0 truncate">
              {row.label}
              {row.detail ? <span className="ml-2 text-xs text-muted-foreground">{row.detail}</span> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {row.href ? (
                <Link href={row.href} className="text-primary underline-offset-2 hover:underline">
                  {formatCount(row.count)}
                </Link>
              ) : (
                formatCount(row.count)
              )}
            </TableCell>
            {total !== undefined ? <TableCell className="text-right text-muted-foreground tabular-nums">{total > 0 ? `${((row.count / total) * 100).toFixed(1)}%` : "—"}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
