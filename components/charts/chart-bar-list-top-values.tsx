"use client";

import { Link } from "@/components/ui/link";
import { formatCount } from "@/lib/format/time";

export interface TopRow {
  key: string;
  label: React.ReactNode;
  sublabel?: React.ReactNode;
  count: number;
  /** The events it counts; null when no filter can name the value. */
  href: string | null;
  /** A second link, e.g. the actor's timeline. */
  extra?: React.ReactNode;
}

/** A ranked list whose rows are links, each with a bar proportional to its count. */
export function ChartBarListTopValues({ rows, testId }: { rows: TopRow[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ol className="flex flex-col gap-1" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} className="group relative flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent/60">
          <span aria-hidden className="absolute inset-y-0.5 left-0 rounded-md bg-primary/10 dark:bg-primary/15" style={{ width: `${(row.count / max) * 100}%` }} />
          <span className="relative min-w-0 flex-1">
            <span className="block truncate">{row.label}</span>
            {row.sublabel ? <span className="block truncate text-xs text-muted-foreground">{row.sublabel}</span> : null}
          </span>
          {row.extra ? <span className="relative shrink-0">{row.extra}</span> : null}
          {row.href ? (
            <Link href={row.href} className="relative shrink-0 font-medium text-primary tabular-nums underline-offset-2 hover:underline" aria-label={`${formatCount(row.count)} events: open them`}>
              {formatCount(row.count)}
            </Link>
          ) : (
            <span className="relative shrink-0 font-medium tabular-nums">{formatCount(row.count)}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
