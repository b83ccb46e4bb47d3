"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { ChevronLeft, ChevronRight, Search, SearchX, Users } from "lucide-react";
import { ACTOR_TYPES } from "@/lib/asana/vocabulary";
import { actorListQuery } from "@/lib/actors/query";
import { ACTOR_SORT_LABELS, ACTOR_SORTS, SPARKLINE_DAYS, type ActorSort } from "@/lib/actors/params";
import { actorListSearch } from "@/lib/actors/search-params";
import { filterOf } from "@/lib/events/filters";
import { formatCount } from "@/lib/format/time";
import { eventsHref } from "@/lib/events/filter-ops";
import { actorTypeLabel, actorTypeName } from "@/components/charts/chart-colors";
import { EventTime } from "@/components/events/event-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { DataText } from "@/components/ui/data-text";
import { MaybeLink } from "@/components/ui/maybe-link";
import { actorHref, hasActorPage } from "@/components/links/entity-links";
import { Sparkline } from "./sparkline";

const ALL_TIME = filterOf({ time: { kind: "relative", last: "all" } });
const ANY_TYPE = "any";

/** Everyone in the log, searchable by name or e-mail, filtered by type and sorted: all URL state. */
export function ActorList() {
  const [params, setParams] = useQueryStates(actorListSearch.parsers, { history: "replace" });
  const query = useQuery(actorListQuery(params));
  const { data } = query;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-60 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" aria-label="Search actors" placeholder="Name, e-mail, gid or key" value={params.q} onChange={(e) => void setParams({ q: e.target.value, page: 1 })} className="pl-8" />
        </div>
        <Select value={params.type ?? ANY_TYPE} onValueChange={(v) => void setParams({ type: v === ANY_TYPE ? null : (v as (typeof ACTOR_TYPES)[number]), page: 1 })}>
          <SelectTrigger aria-label="Actor type" className="w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY_TYPE}>Every actor type</SelectItem>
            {ACTOR_TYPES.map((t) => (
              <SelectItem key={t} value={t}>
                {actorTypeLabel(t)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={params.sort} onValueChange={(v) => void setParams({ sort: v as ActorSort, page: 1 })}>
          <SelectTrigger aria-label="Sort by" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {ACTOR_SORTS.map((s) => (
              <SelectItem key={s} value={s}>
                {ACTOR_SORT_LABELS[s]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {data ? (
          <p className="ml-auto text-sm text-muted-foreground" aria-live="polite" data-testid="actor-count">
            <span className="font-semibold text-foreground tabular-nums">{formatCount(data.total)}</span> {data.total === 1 ? "actor" : "actors"}
          </p>
        ) : null}
      </div>

      {query.isPending ? (
        <Skeleton className="h-96" aria-label="Loading actors" />
      ) : query.error && !data ? (
        <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />
      ) : data!.rows.length === 0 ? (
        <EmptyState
          bordered
          icon={params.q || params.type ? SearchX : Users}
          title={params.q || params.type ? "No actor matches" : "No actors yet"}
          description={params.q || params.type ? "Try part of a name or e-mail, or another type." : "Actors appear as the sync stores their events."}
        />
      ) : (
        <div className={cn("rounded-lg border", query.isPlaceholderData && "opacity-60")}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Actor</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>First seen</TableHead>
                <TableHead>Last seen</TableHead>
                <TableHead className="text-right">Events</TableHead>
                <TableHead>Last {SPARKLINE_DAYS} days</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data!.rows.map((a) => (
                <TableRow key={a.key} data-testid="actor-row">
                  <TableCell className="max-w-80">
                    <MaybeLink href={hasActorPage(a.key) ? actorHref(a.key, ALL_TIME) : null} className="block truncate font-medium underline-offset-2 hover:underline">
                      <DataText value={a.name ?? a.email ?? actorTypeName(a.actorType)} max={200} />
                    </MaybeLink>
                    <span className="block truncate text-xs text-muted-foreground">
                      <DataText value={a.email && a.email !== a.name ? a.email : (a.gid ?? "no gid")} max={200} />
                    </span>
                  </TableCell>
                  <TableCell className="max-w-48">
                    <Badge variant={a.actorType === "user" ? "outline" : "warning"} className="max-w-full">
                      <span className="truncate">{actorTypeName(a.actorType)}</span>
                    </Badge>
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    <EventTime iso={a.firstSeen} />
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    <EventTime iso={a.lastSeen} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <MaybeLink href={hasActorPage(a.key) ? eventsHref({ ...ALL_TIME, include: { ...ALL_TIME.include, actor: [a.key] } }) : null} className="text-primary underline-offset-2 hover:underline">
                      {formatCount(a.eventCount)}
                    </MaybeLink>
                  </TableCell>
                  <TableCell>
                    <Sparkline values={a.activity} label={`${formatCount(a.activity.reduce((x, y) => x + y, 0))} events in the last ${SPARKLINE_DAYS} days; busiest day ${formatCount(Math.max(...a.activity))}`} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {data && pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground tabular-nums">
            Page {data.page} of {formatCount(pages)}
          </span>
          <Button variant="outline" size="sm" disabled={data.page <= 1} onClick={() => void setParams({ page: data.page - 1 })}>
            <ChevronLeft />
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={data.page >= pages} onClick={() => void setParams({ page: data.page + 1 })}>
            Next
            <ChevronRight />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
