"use client";

import { useSearchParams } from "next/navigation";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { humanize } from "@/lib/asana/event-types";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { useEventParams } from "@/lib/events/use-event-params";
import { formatCount } from "@/lib/format/time";
import { resourceEventsQuery, resourceSummaryQuery } from "@/lib/resources/query";
import { eventsHref, narrow } from "@/lib/events/filter-ops";
import { actorHref, hasActorPage } from "@/components/links/entity-links";
import { MaybeLink } from "@/components/ui/maybe-link";
import { InvalidParams } from "@/components/filters/invalid-params";
import { FilterBar } from "@/components/filters/filter-bar";
import { EventTimeline } from "@/components/timeline/event-timeline";
import { IdentityCard } from "@/components/timeline/identity-card";
import { SortToggle } from "@/components/timeline/sort-toggle";
import { Badge } from "@/components/ui/badge";
import { DataText } from "@/components/ui/data-text";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";

function ResourceSummaryCard({ gid }: { gid: string }) {
  const { data, error, isPending, refetch } = useQuery(resourceSummaryQuery(gid));
  if (isPending) return <Skeleton className="h-20" aria-label="Loading the resource" />;
  if (error) return <ErrorState size="compact" bordered error={error} onRetry={() => void refetch()} />;
  const allTime = filterOf({ time: { kind: "relative", last: "all" }, include: { resource: [gid] } });
  return (
    <IdentityCard
      label="The resource"
      testId="resource-summary"
      title={data.name ?? data.email ?? data.gid}
      badge={
        data.resourceType ? (
          <Badge variant="outline" className="max-w-48">
            <span className="truncate">{[data.resourceType, data.resourceSubtype].filter((v) => v !== null).map((v) => humanize(v!)).join(" · ")}</span>
          </Badge>
        ) : null
      }
      detail={data.email && data.email !== data.name ? data.email : null}
      gid={data.gid}
      firstLabel="First touched"
      lastLabel="Last touched"
      firstSeen={data.firstSeen}
      lastSeen={data.lastSeen}
      eventCount={data.eventCount}
      eventsHref={eventsHref(allTime)}
      extra={{ term: "By", value: <span className="tabular-nums">{formatCount(data.actorCount)} {data.actorCount === 1 ? "actor" : "actors"}</span> }}
    />
  );
}

/** Every event that touched one resource, in time order, with who did it. */
export function ResourceHistory({ gid }: { gid: string }) {
  const { filter, view, errors, setFilter, setView } = useEventParams();
  const searchParams = useSearchParams();
  if (!filter || !view) return <InvalidParams errors={errors} search={new URLSearchParams(searchParams.toString())} path={`/resources/${gid}`} />;
  return (
    <div className="flex flex-col gap-6">
      <ResourceSummaryCard gid={gid} />
      <FilterBar filter={filter} setFilter={setFilter} scope={(f) => narrow(f, "resource", gid)} />
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">History</h2>
        <SortToggle sort={view.sort} onChange={(sort) => void setView({ sort, page: null })} />
      </div>
      <ResourceEvents gid={gid} filter={filter} sort={view.sort} />
    </div>
  );
}

function ResourceEvents({ gid, filter, sort }: { gid: string; filter: EventFilter; sort: "newest" | "oldest" }) {
  const query = useInfiniteQuery(resourceEventsQuery(gid, filter, sort));
  const scoped = narrow(filter, "resource", gid);
  return (
    <EventTimeline
      query={query}
      entries={(events) => events.map((event) => ({ event, markers: [] }))}
      linkFor={(e) => eventsHref(scoped, { event: e.gid })}
      subject={(e) =>
        <MaybeLink href={hasActorPage(e.actorKey) ? actorHref(e.actorKey, filter) : null} className="min-w-0 truncate font-medium text-foreground underline-offset-2 hover:underline" data-testid="history-actor">
          <DataText value={e.actorName ?? e.actorEmail ?? humanize(e.actorType)} max={120} />
        </MaybeLink>
      }
    />
  );
}
