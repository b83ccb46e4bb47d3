"use client";

import { Link } from "@/components/ui/link";
import { useSearchParams } from "next/navigation";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { actorActivityQuery, actorEventsQuery, actorProfileQuery } from "@/lib/actors/query";
import type { EventRow } from "@/lib/events/event-row";
import { canFilter, type EventFilter } from "@/lib/events/filters";
import { useEventParams } from "@/lib/events/use-event-params";
import { isRangeInstant, resolveTimeRange } from "@/lib/events/time-range";
import { formatCount } from "@/lib/format/time";
import { visibleText } from "@/lib/format/visible-text";
import { between, eventsHref, narrow } from "@/lib/events/filter-ops";
import { ChartBarActorActivity } from "@/components/charts/chart-bar-actor-activity";
import { ChartPanel } from "@/components/charts/chart-panel";
import { bucketRange } from "@/components/charts/format-bucket";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { InvalidParams } from "@/components/filters/invalid-params";
import { FilterBar } from "@/components/filters/filter-bar";
import { EventTimeline, type TimelineEntry } from "@/components/timeline/event-timeline";
import { whatHappenedNext } from "@/lib/events/context-links";
import { SortToggle } from "@/components/timeline/sort-toggle";
import { DataText } from "@/components/ui/data-text";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MaybeLink } from "@/components/ui/maybe-link";
import { hasPage, resourceHref } from "@/components/links/entity-links";
import { isGid } from "@/lib/events/filters";
import { ActorIdentity, ActorUsed } from "./actor-profile";
import { ActorPlaces } from "./actor-places";
import { ActorSignIns } from "./actor-sign-ins";

/** The per-actor timeline: who, what they used, their activity, and their events by day. */
export function ActorTimeline({ gid }: { gid: string }) {
  const { filter, view, errors, setFilter, setView } = useEventParams();
  const searchParams = useSearchParams();
  if (!filter || !view) return <InvalidParams errors={errors} search={new URLSearchParams(searchParams.toString())} path={`/actors/${encodeURIComponent(gid)}`} />;
  const scoped = (f: EventFilter) => narrow(f, "actor", gid);
  return (
    <div className="flex flex-col gap-6">
      <ActorIdentity gid={gid} />
      <FilterBar filter={filter} setFilter={setFilter} scope={scoped} />
      <ActorActivityPanel gid={gid} filter={filter} />
      {/* Only users sign in, and only users have a gid for a key. */}
      {isGid(gid) ? (
        <section aria-label="Sign-ins" className="flex min-w-0 flex-col gap-3">
          <h2 className="text-base font-semibold">Sign-ins, where from and how fast</h2>
          <ActorSignIns gid={gid} time={filter.time} />
        </section>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Their events" className="flex min-w-0 flex-col gap-3">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-base font-semibold">Their events</h2>
            <SortToggle sort={view.sort} onChange={(sort) => void setView({ sort, page: null })} />
          </div>
          <ActorEvents gid={gid} filter={filter} sort={view.sort} />
        </section>
        <aside aria-label="What they used" className="flex flex-col gap-3">
          <h2 className="text-base font-semibold">Where from</h2>
          <ActorPlaces gid={gid} time={filter.time} />
          <h2 className="text-base font-semibold">What they used, first seen</h2>
          <ActorUsed gid={gid} />
        </aside>
      </div>
    </div>
  );
}

function ActorActivityPanel({ gid, filter }: { gid: string; filter: EventFilter }) {
  const zone = useZone(useZoneChoice());
  const query = useQuery({ ...actorActivityQuery(gid, filter, zone ?? "UTC"), enabled: zone !== null });
  // A bucket of a far date (an event Asana dated 0001 or 9999) is outside what a link's range may say.
  const hrefFor = (p: { from: string; to: string }) =>
    isRangeInstant(new Date(p.from)) && isRangeInstant(new Date(p.to)) && canFilter("actor", gid) ? eventsHref(between(narrow(filter, "actor", gid), new Date(p.from), new Date(p.to))) : null;
  return (
    <ChartPanel
      title="Activity"
      description={query.data ? `${formatCount(query.data.total)} events, one bar per ${query.data.bucketLabel} (${query.data.zone}). Click a bar to open its events.` : undefined}
      query={query}
      height={180}
      testId="panel-actor-activity"
      isEmpty={(d) => d.total === 0}
      chart={(d) => <ChartBarActorActivity data={d} height={180} hrefFor={hrefFor} />}
      table={(d) => (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Time</TableHead>
              <TableHead className="text-right">Events</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.points.filter((p) => p.total > 0).map((p) => (
              <TableRow key={p.from}>
                <TableCell>{bucketRange(p.from, p.to, d.bucketMs, d.zone)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {hrefFor(p) ? (
                    <Link href={hrefFor(p)!} className="text-primary underline-offset-2 hover:underline">
                      {formatCount(p.total)}
                    </Link>
                  ) : (
                    formatCount(p.total)
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    />
  );
}

function ActorEvents({ gid, filter, sort }: { gid: string; filter: EventFilter; sort: "newest" | "oldest" }) {
  const query = useInfiniteQuery(actorEventsQuery(gid, filter, sort));
  const profile = useQuery(actorProfileQuery(gid));
  const markers = new Map<string, string[]>();
  for (const m of profile.data?.markers ?? []) markers.set(m.gid, [...(markers.get(m.gid) ?? []), m.label]);
  const scoped = narrow(filter, "actor", gid);

  // Role changes made to them are not their own events; they are shown among them, within
  // the range loaded so far and the filter's time range, as the changes in their standing.
  const entries = (events: EventRow[], complete: boolean): TimelineEntry[] => {
    const own: TimelineEntry[] = events.map((event) => ({ event, markers: markers.get(event.gid) ?? [] }));
    const range = resolveTimeRange(filter.time, new Date());
    let low = range.from?.toISOString() ?? "";
    let high = range.to?.toISOString() ?? "\uffff";
    // Until every page is loaded, only the span already shown can say where a change falls.
    if (!complete) {
      const times = events.map((e) => e.createdAt).sort();
      if (times.length === 0) return own;
      if (sort === "newest") low = times[0]!;
      else high = times[times.length - 1]!;
    }
    const changes = (profile.data?.roleChanges ?? [])
      .filter((e) => e.createdAt >= low && e.createdAt < high && !events.some((o) => o.gid === e.gid))
      .map((event) => ({ event, markers: [], aside: `Role changed by ${visibleText(event.actorName ?? event.actorEmail ?? "someone", 60)}` }));
    const newestFirst = sort === "newest" ? -1 : 1;
    return [...own, ...changes].sort((a, b) => newestFirst * a.event.createdAt.localeCompare(b.event.createdAt));
  };

  return (
    <EventTimeline
      query={query}
      entries={entries}
      linkFor={(e) => eventsHref(e.actorKey === gid ? scoped : narrow(filter, "resource", gid), { event: e.gid })}
      nextHref={(e) => (e.actorKey === gid ? whatHappenedNext(e) : null)}
      subject={(e) =>
        e.resourceGid ? (
          <MaybeLink href={hasPage(e.resourceGid) ? resourceHref(e.resourceGid, filter) : null} className="min-w-0 truncate underline-offset-2 hover:text-foreground hover:underline">
            <DataText value={e.resourceName ?? e.resourceEmail ?? e.resourceGid} max={120} />
            {e.resourceType ? (
              <span className="ml-1 opacity-70">
                (<DataText value={e.resourceType} max={60} />)
              </span>
            ) : null}
          </MaybeLink>
        ) : null
      }
    />
  );
}
