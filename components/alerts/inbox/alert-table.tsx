"use client";

import type { KeyboardEvent } from "react";
import { EventTime } from "@/components/events/event-time";
import { hasActorPage } from "@/components/links/entity-links";
import { Checkbox } from "@/components/ui/checkbox";
import { DataText } from "@/components/ui/data-text";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AlertRow } from "@/lib/alerts/alert-row";
import { formatCount } from "@/lib/format/time";
import { cn } from "@/lib/utils";
import { SeverityBadge, StatusBadge } from "./badges";

const ROW = "[data-alert-id]";

/** Moves focus to the row `delta` away from the focused one (or the first or last). */
function focusRow(body: HTMLElement, delta: number | "first" | "last") {
  const rows = Array.from(body.querySelectorAll<HTMLElement>(ROW));
  if (rows.length === 0) return;
  const current = rows.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
  const index = delta === "first" ? 0 : delta === "last" ? rows.length - 1 : current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + delta));
  rows[index]!.focus();
  rows[index]!.scrollIntoView({ block: "nearest" });
}

/** "1,000+" when the count stopped at the events an alert keeps. */
export const eventCountText = (alert: Pick<AlertRow, "eventCount" | "eventCountCapped">) => `${formatCount(alert.eventCount)}${alert.eventCountCapped ? "+" : ""}`;

/** Who an alert is about: their last known name, else e-mail, else the key itself. */
export function ActorCell({ alert, href }: { alert: Pick<AlertRow, "actorKey" | "actorName" | "actorEmail">; href: (key: string) => string }) {
  if (!alert.actorKey) return <span className="text-muted-foreground">—</span>;
  const label = <DataText value={alert.actorName ?? alert.actorEmail ?? alert.actorKey} max={80} />;
  return hasActorPage(alert.actorKey) ? (
    <Link href={href(alert.actorKey)} className="text-primary underline-offset-2 hover:underline" title={alert.actorEmail ?? alert.actorKey}>
      {label}
    </Link>
  ) : (
    label
  );
}

interface AlertTableProps {
  alerts: AlertRow[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  onOpen: (id: string) => void;
  /** The alert whose detail is open: its row is marked and keeps the Tab stop. */
  openId: string | null;
  actorHref: (key: string) => string;
  stale?: boolean;
}

/**
 * The alerts, one focusable row each (one Tab stop for the table): ↑/↓ or j/k move, Enter
 * opens the detail, Space or x selects the row for the bulk actions; a click on a row opens it.
 */
export function AlertTable({ alerts, selected, onSelect, onOpen, openId, actorHref, stale }: AlertTableProps) {
  const tabbable = alerts.some((a) => a.id === openId) ? openId : alerts[0]?.id;
  const selectedHere = alerts.filter((a) => selected.has(a.id)).length;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>(ROW);
    const onControl = target !== row && target.closest("button, a, input, [role=checkbox]");
    const moves: Record<string, number | "first" | "last"> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, Home: "first", End: "last" };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(event.currentTarget, moves[event.key]!);
    } else if (row?.dataset.alertId && !onControl && event.key === "Enter") {
      event.preventDefault();
      onOpen(row.dataset.alertId);
    } else if (row?.dataset.alertId && !onControl && (event.key === " " || event.key === "x")) {
      event.preventDefault();
      onSelect([row.dataset.alertId], !selected.has(row.dataset.alertId));
    }
  };

  return (
    <Table className={cn("min-w-[66rem] transition-opacity", stale && "opacity-60")} containerClassName="rounded-lg border" aria-busy={stale || undefined} aria-label="Alerts" data-testid="alert-table">
      <TableHeader>
        <TableRow>
          <TableHead>
            <Checkbox
              aria-label="Select every alert shown"
              checked={selectedHere === 0 ? false : selectedHere === alerts.length ? true : "indeterminate"}
              onCheckedChange={(checked) => onSelect(alerts.map((a) => a.id), checked === true)}
            />
          </TableHead>
          <TableHead className="w-24">Severity</TableHead>
          <TableHead className="min-w-64">Alert</TableHead>
          <TableHead>Rule</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead className="w-32">First event</TableHead>
          <TableHead className="w-32" aria-sort="descending">
            Last event
          </TableHead>
          <TableHead className="w-16 text-right">Events</TableHead>
          <TableHead className="w-28">Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody onKeyDown={onKeyDown}>
        {alerts.map((alert) => {
          const isSelected = selected.has(alert.id);
          return (
            <TableRow
              key={alert.id}
              data-alert-id={alert.id}
              data-state={isSelected ? "selected" : undefined}
              tabIndex={alert.id === tabbable ? 0 : -1}
              aria-selected={alert.id === openId}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest("button, a, [role=checkbox]")) return;
                onOpen(alert.id);
              }}
              className="cursor-pointer outline-none focus-visible:bg-accent focus-visible:shadow-[inset_3px_0_0_var(--ring)] aria-selected:bg-primary/5"
            >
              <TableCell>
                <Checkbox aria-label={`Select alert ${alert.id}`} checked={isSelected} onCheckedChange={(checked) => onSelect([alert.id], checked === true)} tabIndex={-1} />
              </TableCell>
              <TableCell>
                <SeverityBadge severity={alert.severity} />
              </TableCell>
              <TableCell className="max-w-[32rem] min-w-64 whitespace-normal">
                <button type="button" tabIndex={-1} onClick={() => onOpen(alert.id)} className="line-clamp-2 text-left font-medium outline-none hover:underline">
                  <DataText value={alert.title} max={200} fullLength={alert.titleLength ?? undefined} />
                </button>
              </TableCell>
              <TableCell className="max-w-44 truncate text-muted-foreground">
                <DataText value={alert.ruleName} max={100} />
              </TableCell>
              <TableCell className="max-w-44 truncate">
                <ActorCell alert={alert} href={actorHref} />
              </TableCell>
              <TableCell className="font-mono text-xs">
                <EventTime iso={alert.firstAt} stacked />
              </TableCell>
              <TableCell className="font-mono text-xs">
                <EventTime iso={alert.lastAt} stacked />
              </TableCell>
              <TableCell className="text-right tabular-nums" title={alert.eventCountCapped ? `The alert kept its first ${formatCount(alert.eventCount)} events; more came` : undefined}>
                {eventCountText(alert)}
              </TableCell>
              <TableCell>
                <StatusBadge status={alert.status} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
