"use client";

import type { KeyboardEventHandler } from "react";
import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import type { EventRow } from "@/lib/events/event-row";
import { actorPhrase } from "@/lib/events/summarise-event";
import type { TimeZoneChoice } from "@/lib/events/view";
import { DataText } from "@/components/ui/data-text";
import { cn } from "@/lib/utils";
import { EventTime } from "./event-time";
import { MARKED_ROW } from "./event-table";

/**
 * The events on a narrow screen: a table of 390 px shows two and a half columns with the event
 * names cut, so each event is a card instead, its name whole: time, what happened, who, and the
 * summary. The same roving focus and keys as the table's rows (the table passes its handler).
 */
export function EventCards({ events, tz, onOpen, onKeyDown, openGid, tabbable, fresh, stale, markedGid }: {
  events: EventRow[];
  tz: TimeZoneChoice;
  onOpen: (gid: string) => void;
  onKeyDown: KeyboardEventHandler<HTMLElement>;
  openGid: string | null;
  tabbable: string | null | undefined;
  fresh?: ReadonlySet<string>;
  stale?: boolean;
  markedGid?: string | null;
}) {
  return (
    <ol aria-label="Events" aria-busy={stale || undefined} onKeyDown={onKeyDown} className={cn("flex flex-col gap-2 transition-opacity", stale && "opacity-60")}>
      {events.map((row) => (
        <li
          key={row.gid}
          data-gid={row.gid}
          data-testid="event-card"
          tabIndex={row.gid === tabbable ? 0 : -1}
          aria-current={row.gid === openGid || undefined}
          data-marked={row.gid === markedGid || undefined}
          onClick={() => onOpen(row.gid)}
          className={cn(
            "flex min-w-0 cursor-pointer flex-col gap-1 rounded-lg border px-3 py-2.5 text-sm outline-none focus-visible:bg-accent focus-visible:shadow-[inset_3px_0_0_var(--ring)] aria-[current=true]:bg-primary/5",
            fresh?.has(row.gid) && "bg-success/5 shadow-[inset_3px_0_0_var(--success)]",
            row.gid === markedGid && MARKED_ROW,
          )}
        >
          <div className="flex items-baseline justify-between gap-2 text-xs text-muted-foreground">
            <EventTime iso={row.createdAt} tz={tz} className="font-mono" />
            <span className="truncate">{row.eventCategory ? categoryLabel(row.eventCategory) : "Uncategorised"}</span>
          </div>
          <p className="font-medium [overflow-wrap:anywhere]" data-testid="event-card-type">
            {eventTypeLabel(row.eventType)}
          </p>
          <p className="text-[13px] [overflow-wrap:anywhere]">
            <DataText value={actorPhrase(row)} max={200} />
            {row.actorType !== "user" ? <span className="text-xs text-muted-foreground"> · {humanize(row.actorType)}</span> : null}
          </p>
          {row.summary ? <p className="line-clamp-3 text-xs [overflow-wrap:anywhere] text-muted-foreground">{row.summary}</p> : null}
        </li>
      ))}
    </ol>
  );
}
