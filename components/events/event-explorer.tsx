"use client";

import { useEffect, useMemo, useRef } from "react";
import type { EventPage } from "@/lib/events/list-events";
import { decodeCursor } from "@/lib/events/view";
import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { CalendarRange, SearchX } from "lucide-react";
import { conditionsOf, emptyFilter, hasConditions, withCondition, withoutCondition, withTime, type Condition, type EventFilter } from "@/lib/events/filters";
import { filterToText } from "@/lib/events/query-text";
import { eventListQuery } from "@/lib/events/query";
import { eventSearch } from "@/lib/events/search-params";
import { useEventParams } from "@/lib/events/use-event-params";
import { REFRESH_MS, type EventView } from "@/lib/events/view";
import { AddFilter } from "@/components/filters/add-filter";
import { FilterChips } from "@/components/filters/filter-chips";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ColumnChooser, RefreshSelect, TimeZoneToggle } from "./data-table-toolbar";
import { EventCount } from "./event-count";
import { EventDetailDrawer } from "./event-detail-drawer";
import { EventTable, EventTableSkeleton, focusRow } from "./event-table";
import { FacetPanel } from "./facet-panel";
import { InvalidParams } from "@/components/filters/invalid-params";
import { LiveStatus, useFreshRows } from "./live-status";
import { Pagination } from "./pagination";
import { ScanNotice } from "./scan-notice";
import { QUERY_BAR_ID, QueryBar } from "./query-bar";
import { useZone } from "@/lib/time/use-local-zone";
import { TimeRangePicker } from "./time-range-picker";

/** The explorer, bound to the URL: what it shows is what the address says, and nothing else. */
export function EventExplorer() {
  const { filter, view, errors, setFilter, setView } = useEventParams();
  const searchParams = useSearchParams();
  if (!filter || !view) return <InvalidParams errors={errors} search={new URLSearchParams(searchParams.toString())} />;
  return <Explorer filter={filter} view={view} setFilter={setFilter} setView={setView} />;
}

type SetView = ReturnType<typeof useEventParams>["setView"];

/**
 * A text search whose batch found nothing goes on by itself to the next batch (each request
 * reads a bounded number of rows), replacing the history entry, until it finds matches or
 * reaches the end of the range: the reader sees "searching back to …" move, not an empty page.
 */
function useContinueEmptyScan(page: EventPage | undefined, stale: boolean, setView: SetView) {
  const next = page && page.scanned && page.events.length === 0 && !stale ? page.next : null;
  const set = useRef(setView);
  useEffect(() => {
    set.current = setView;
  });
  useEffect(() => {
    if (!next) return;
    const cursor = decodeCursor(next);
    if ("error" in cursor) return;
    const timer = setTimeout(() => void set.current({ page: { after: cursor } }, { history: "replace" }), 50);
    return () => clearTimeout(timer);
  }, [next]);
}

function Explorer({ filter, view, setFilter, setView }: { filter: EventFilter; view: EventView; setFilter: (f: EventFilter) => unknown; setView: SetView }) {
  const refreshMs = REFRESH_MS[view.refresh];
  const zone = useZone(view.tz);
  const list = useQuery(eventListQuery(filter, view, refreshMs));
  const events = useMemo(() => list.data?.events ?? [], [list.data]);
  const tableRef = useRef<HTMLDivElement>(null);
  const fresh = useFreshRows(events, refreshMs !== false && view.page === null && view.sort === "newest");
  useContinueEmptyScan(list.data, list.isPlaceholderData, setView);

  const addCondition = (c: Condition) => void setFilter(withCondition(filter, c));
  const toggleCondition = (c: Condition) => {
    const present = (c.exclude ? filter.exclude : filter.include)[c.dimension].includes(c.value);
    void setFilter(present ? withoutCondition(filter, c) : withCondition(filter, c));
  };
  const open = (gid: string | null) => void setView({ event: gid });

  // Keyboard: "/" focuses the query; j/k start on the first row, or step through events while one is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = Boolean(target?.closest("input, textarea, select, [contenteditable='true'], [role='combobox']"));
      if (typing) return;
      if (event.key === "/") {
        event.preventDefault();
        document.getElementById(QUERY_BAR_ID)?.focus();
      } else if ((event.key === "j" || event.key === "k") && view.event) {
        const index = events.findIndex((e) => e.gid === view.event);
        const next = events[index + (event.key === "j" ? 1 : -1)];
        if (next) {
          event.preventDefault();
          void setView({ event: next.gid }, { history: "replace" });
          document.querySelector(`tr[data-gid="${CSS.escape(next.gid)}"]`)?.scrollIntoView({ block: "nearest" });
        }
      } else if ((event.key === "j" || event.key === "k") && !target?.closest("tr[data-gid]")) {
        event.preventDefault();
        focusRow(tableRef.current, "first");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [events, view.event, setView]);

  const filtered = hasConditions(filter);
  return (
    <div className="flex flex-col gap-4">
      <QueryBar key={`${filterToText(filter)} ${zone}`} filter={filter} onSubmit={(f) => void setFilter(f)} />

      <div className="flex flex-wrap items-center gap-2">
        <TimeRangePicker value={filter.time} tz={view.tz} onChange={(time) => void setFilter(withTime(filter, time))} />
        <AddFilter onAdd={addCondition} />
        <FilterChips filter={filter} onChange={(remove, add) => void setFilter(add ? withCondition(withoutCondition(filter, remove), add) : withoutCondition(filter, remove))} onClear={() => void setFilter(emptyFilter(filter.time))} onRemoveExpression={() => void setFilter({ ...filter, expression: null })} />
        <div className="ml-auto">
          <EventCount filter={filter} />
        </div>
      </div>

      <div className="grid items-start gap-4 lg:grid-cols-[13rem_minmax(0,1fr)] xl:grid-cols-[15.5rem_minmax(0,1fr)]">
        <aside aria-label="Counts by value" className="order-2 lg:sticky lg:top-4 lg:order-1 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-1">
          <FacetPanel filter={filter} onToggle={toggleCondition} />
        </aside>

        <div className="order-1 flex min-w-0 flex-col gap-3 lg:order-2" ref={tableRef}>
          <div className="flex flex-wrap items-center gap-2">
            <LiveStatus filter={filter} view={view} events={events} fresh={fresh} onNewest={() => void setView({ page: null })} />
            <div className="ml-auto flex flex-wrap items-center gap-2">
              <TimeZoneToggle tz={view.tz} setView={setView} />
              <RefreshSelect refresh={view.refresh} setView={setView} />
              <ColumnChooser columns={view.columns} setView={setView} />
            </div>
          </div>

          {list.isPending ? (
            <EventTableSkeleton columns={view.columns.length} />
          ) : list.error ? (
            <ErrorState bordered title="Could not load events" error={list.error} onRetry={() => void list.refetch()} />
          ) : events.length === 0 && list.data.scanned ? (
            <ScanNotice page={list.data} view={view} setView={setView} empty />
          ) : events.length === 0 ? (
            <EmptyState
              bordered
              icon={filtered ? SearchX : CalendarRange}
              title={view.page ? "No more events this way" : filtered ? "No events match these filters" : "No events in this time range"}
              description={
                view.page
                  ? "Go back to the first page."
                  : filtered
                    ? `Nothing matches ${conditionsOf(filter).length === 1 ? "this filter" : "these filters"} in the chosen range. Clear them, or widen the range.`
                    : "Try a wider range. Events appear here as the sync stores them."
              }
              action={
                <>
                  {view.page ? <Button size="sm" onClick={() => void setView({ page: null })}>First page</Button> : null}
                  {filtered ? (
                    <Button size="sm" variant="outline" onClick={() => void setFilter(emptyFilter(filter.time))}>
                      Clear filters
                    </Button>
                  ) : null}
                  {filter.time.kind !== "relative" || filter.time.last !== "all" ? (
                    <Button size="sm" variant="outline" onClick={() => void setFilter(withTime(filter, { kind: "relative", last: "all" }))}>
                      Search all time
                    </Button>
                  ) : null}
                </>
              }
            />
          ) : (
            <EventTable
              events={events}
              columns={view.columns}
              tz={view.tz}
              sort={view.sort}
              onSort={() => void setView({ sort: view.sort === "newest" ? "oldest" : "newest", page: null })}
              onOpen={open}
              onFilter={addCondition}
              openGid={view.event}
              fresh={fresh.gids}
              stale={list.isPlaceholderData}
            />
          )}
          {list.data && events.length > 0 ? <ScanNotice page={list.data} view={view} setView={setView} empty={false} /> : null}
          <Pagination page={list.data} view={view} setView={setView} />
        </div>
      </div>

      <EventDetailDrawer gid={view.event} tz={view.tz} search={eventSearch(filter, { ...view, page: null, event: null })} onClose={() => open(null)} />
    </div>
  );
}
