"use client";

import type { KeyboardEvent } from "react";
import { ArrowDown, ArrowUp } from "lucide-react";
import type { EventRow } from "@/lib/events/event-row";
import type { Condition } from "@/lib/events/filters";
import type { EventColumn, Sort, TimeZoneChoice } from "@/lib/events/view";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { cn } from "@/lib/utils";
import { COLUMNS } from "./columns";
import { EventCards } from "./event-cards";

/** An event's row in the table, or its card on a narrow screen. */
export const ROW_SELECTOR = "[data-gid]";
/** The table's narrowest, before the columns of a fixed width the view adds. */
const MIN_REM = 42;
/** Below this width the events are cards (event-cards.tsx). */
const NARROW = "(max-width: 639px)";

/** Moves keyboard focus to the row `delta` away from the focused one (or the first/last). */
export function focusRow(table: HTMLElement | null, delta: number | "first" | "last"): HTMLElement | null {
  const rows = Array.from(table?.querySelectorAll<HTMLElement>(ROW_SELECTOR) ?? []);
  if (rows.length === 0) return null;
  const current = rows.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
  const index = delta === "first" ? 0 : delta === "last" ? rows.length - 1 : current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + delta));
  const row = rows[index]!;
  row.focus();
  row.scrollIntoView({ block: "nearest" });
  return row;
}

interface EventTableProps {
  events: EventRow[];
  columns: EventColumn[];
  tz: TimeZoneChoice;
  sort: Sort;
  onSort: () => void;
  onOpen: (gid: string) => void;
  onFilter: (condition: Condition) => void;
  /** The event whose detail is open: its row is marked. */
  openGid: string | null;
  /** Rows that arrived with the last auto-refresh. */
  fresh?: ReadonlySet<string>;
  /** A new page or filter is loading: the old rows stay, dimmed. */
  stale?: boolean;
  /** The event a "surrounding events" link came from (`#event-<gid>`): its row stands out. */
  markedGid?: string | null;
}

/** How a marked row stands out, in the table and as a card. */
export const MARKED_ROW = "bg-warning/10 shadow-[inset_3px_0_0_var(--warning)]";

/**
 * The events, one focusable row each: ↑/↓ or j/k move, Enter opens the detail, a click on a
 * row opens it too, a click on a value filters by it. Rows use roving focus (only one is in
 * the Tab order), so Tab moves past the table instead of through every row.
 */
export function EventTable({ events, columns, tz, sort, onSort, onOpen, onFilter, openGid, fresh, stale, markedGid }: EventTableProps) {
  const defs = columns.map((c) => COLUMNS[c]);
  const tabbable = events.some((e) => e.gid === openGid) ? openGid : events[0]?.gid;

  const narrow = useMediaQuery(NARROW);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target instanceof HTMLElement && event.target.closest("button, a, input") && event.key === "Enter") return;
    const table = event.currentTarget.closest("table") ?? event.currentTarget;
    const moves: Record<string, number | "first" | "last"> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, Home: "first", End: "last" };
    const move = moves[event.key];
    if (move !== undefined && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      focusRow(table, move);
    } else if (event.key === "Enter") {
      const row = (event.target as HTMLElement).closest<HTMLElement>(ROW_SELECTOR);
      if (row?.dataset.gid) {
        event.preventDefault();
        onOpen(row.dataset.gid);
      }
    }
  };

  if (narrow) return <EventCards events={events} tz={tz} onOpen={onOpen} onKeyDown={onKeyDown} openGid={openGid} tabbable={tabbable} fresh={fresh} stale={stale} markedGid={markedGid} />;
  return (
    <Table
      className={cn("table-fixed transition-opacity", stale && "opacity-60")}
      style={{ minWidth: `${MIN_REM + defs.reduce((sum, d) => sum + (d.rem ?? 0), 0)}rem` }}
      containerClassName="rounded-lg border"
      aria-busy={stale || undefined}
      aria-label="Events"
    >
      <TableHeader sticky>
        <TableRow>
          {defs.map((d) => (
            <TableHead key={d.id} className={cn("whitespace-nowrap", d.width)} aria-sort={d.id === "time" ? (sort === "newest" ? "descending" : "ascending") : undefined}>
              {d.id === "time" ? (
                <button type="button" onClick={onSort} className="inline-flex items-center gap-1 rounded-sm outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50">
                  {d.header}
                  {sort === "newest" ? <ArrowDown className="size-3.5" aria-hidden /> : <ArrowUp className="size-3.5" aria-hidden />}
                  <span className="sr-only">{sort === "newest" ? "(newest first; activate for oldest first)" : "(oldest first; activate for newest first)"}</span>
                </button>
              ) : (
                d.header
              )}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody onKeyDown={onKeyDown}>
        {events.map((row) => (
          <TableRow
            key={row.gid}
            data-gid={row.gid}
            tabIndex={row.gid === tabbable ? 0 : -1}
            aria-selected={row.gid === openGid}
            data-marked={row.gid === markedGid || undefined}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest("button, a")) return;
              onOpen(row.gid);
            }}
            className={cn(
              "cursor-pointer align-top outline-none focus-visible:bg-accent focus-visible:shadow-[inset_3px_0_0_var(--ring)] aria-selected:bg-primary/5",
              fresh?.has(row.gid) && "bg-success/5 shadow-[inset_3px_0_0_var(--success)]",
              row.gid === markedGid && MARKED_ROW,
            )}
          >
            {defs.map((d) => (
              <TableCell key={d.id} className={cn("overflow-hidden py-2", d.className)}>
                {d.cell(row, { tz, onFilter })}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function EventTableSkeleton({ columns, rows = 12 }: { columns: number; rows?: number }) {
  return (
    <div className="overflow-hidden rounded-lg border" aria-busy="true" aria-label="Loading events">
      <div className="h-9 border-b bg-muted/60" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4 border-b px-3 py-3 last:border-0">
          {Array.from({ length: columns }, (_, j) => (
            <Skeleton key={j} className={cn("h-4", j === 0 ? "w-36" : "flex-1")} />
          ))}
        </div>
      ))}
    </div>
  );
}
