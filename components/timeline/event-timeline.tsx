"use client";

import { Link } from "@/components/ui/link";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { CalendarRange, Sparkles } from "lucide-react";
import { categoryLabel, eventTypeLabel } from "@/lib/asana/event-types";
import type { EventRow } from "@/lib/events/event-row";
import type { EventPage } from "@/lib/events/list-events";
import { describeEvent } from "@/lib/events/summarise-event";
import { seriesColor } from "@/components/charts/chart-colors";
import { EventTime } from "@/components/events/event-time";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export interface TimelineEntry {
  event: EventRow;
  /** Why this event is new for the person ("First sign-in from 10.1.2.3"). */
  markers: string[];
  /** Shown among the events though the filter did not select it (a role change made to them). */
  aside?: string;
}

interface Props {
  query: UseInfiniteQueryResult<InfiniteData<EventPage>>;
  /** Builds the entries from the loaded events: markers added, other events interleaved. */
  entries: (events: EventRow[], complete: boolean) => TimelineEntry[];
  linkFor: (event: EventRow) => string;
  /** What each row says besides the event: its resource (actor timeline) or its actor (resource history). */
  subject: (event: EventRow) => React.ReactNode;
  /** Where "what happened next" leads from a marked event (the explorer from its time onward). */
  nextHref?: (event: EventRow) => string | null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(zone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: zone })));
  return format;
}

/** Events in time order, grouped by the chosen zone's days (the URL's `tz`), with "new for them" markers and a way to read on. */
export function EventTimeline({ query, entries, linkFor, subject, nextHref }: Props) {
  const tz = useZoneChoice();
  const zone = useZone(tz);
  if (query.isPending) return <Skeleton className="h-96" aria-label="Loading events" />;
  if (query.error && !query.data) return <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />;
  const events = query.data!.pages.flatMap((p) => p.events);
  const list = entries(events, !query.hasNextPage);
  if (list.length === 0) return <EmptyState bordered icon={CalendarRange} title="No events" description="Nothing in this time range matches the filters. Widen the range or clear a filter." />;

  // Until the browser's zone is known (a first visit, before hydration) the days wait with the times.
  const dayOf = (iso: string) => (zone ? dayFormat(zone).format(new Date(iso)) : "…");
  const days: Array<{ day: string; entries: TimelineEntry[] }> = [];
  for (const entry of list) {
    const day = dayOf(entry.event.createdAt);
    if (days[days.length - 1]?.day !== day) days.push({ day, entries: [] });
    days[days.length - 1]!.entries.push(entry);
  }

  return (
    <div className={cn("flex flex-col gap-5", query.isPlaceholderData && "opacity-60")} data-testid="event-timeline">
      {days.map(({ day, entries: dayEntries }) => (
        <section key={day} aria-label={day}>
          <h3 className="sticky top-0 z-10 mb-2 bg-background/95 py-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase backdrop-blur">
            {day} <span className="font-normal normal-case">· {dayEntries.length} {dayEntries.length === 1 ? "event" : "events"}</span>
          </h3>
          <ol className="relative flex flex-col border-l pl-4">
            {dayEntries.map(({ event, markers, aside }) => (
              <li key={event.gid} className={cn("relative py-1.5", (markers.length > 0 || aside) && "rounded-md bg-primary/5")} data-testid="timeline-event" data-marked={markers.length > 0 || aside ? "true" : undefined}>
                <span aria-hidden className="absolute top-3.5 -left-[21px] size-2.5 rounded-full border-2 border-background" style={{ background: seriesColor("category", event.eventCategory ?? "") }} />
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 pr-2">
                  <EventTime iso={event.createdAt} tz={tz} className="shrink-0 text-xs text-muted-foreground tabular-nums" />
                  <Link href={linkFor(event)} className="min-w-0 flex-1 text-sm [overflow-wrap:anywhere] underline-offset-2 hover:underline">
                    {describeEvent({ ...event, details: null })}
                  </Link>
                  <span className="max-w-full truncate text-xs text-muted-foreground">{eventTypeLabel(event.eventType)}</span>
                </div>
                <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 pr-2 text-xs text-muted-foreground">
                  {subject(event)}
                  {event.summary ? <span className="max-w-full truncate">{event.summary}</span> : null}
                  {event.clientIp ? <span className="font-mono">{event.clientIp}</span> : null}
                  <span className="max-w-full truncate">{categoryLabel(event.eventCategory)}</span>
                </div>
                {markers.length > 0 || aside ? (
                  <div className="mt-1 flex flex-wrap gap-1.5">
                    {aside ? (
                      <Badge variant="warning" className="max-w-full">
                        <span className="truncate">{aside}</span>
                      </Badge>
                    ) : null}
                    {markers.map((m) => (
                      <Badge key={m} variant="primary" className="max-w-full" data-testid="timeline-marker">
                        <Sparkles />
                        <span className="truncate">{m}</span>
                      </Badge>
                    ))}
                    {markers.length > 0 && nextHref?.(event) ? (
                      <Link href={nextHref(event)!} className="text-xs text-primary underline-offset-2 hover:underline">
                        What happened next
                      </Link>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {query.hasNextPage ? (
        <Button variant="outline" className="self-center" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : (
        <p className="text-center text-xs text-muted-foreground">That is every event in this range.</p>
      )}
    </div>
  );
}
