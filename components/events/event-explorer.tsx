"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { EventPage } from "@/lib/events/list-events";
import { useSearchParams } from "next/navigation";
import { CalendarRange, SearchX } from "lucide-react";
import { conditionsOf, emptyFilter, hasConditions, withCondition, withoutCondition, withTime, type Condition, type EventFilter } from "@/lib/events/filters";
import { filterToText } from "@/lib/events/query-text";
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
import { EventTable, EventTableSkeleton, focusRow, ROW_SELECTOR } from "./event-table";
import { FacetPanel } from "./facet-panel";
import { InvalidParams } from "@/components/filters/invalid-params";
import { LiveStatus, useFreshRows } from "./live-status";
import { Pagination } from "./pagination";
import { ScanNotice, SearchProgress } from "./scan-notice";
import { useSearchProgress } from "./use-search-progress";
import { useTextSearch } from "./use-text-search";
import { QUERY_BAR_ID, QueryBar } from "./query-bar";
import { useZone } from "@/lib/time/use-local-zone";
import { TimeRangePicker } from "./time-range-picker";
import { ShortcutSheet } from "./shortcut-sheet";
import { PageSkipLink } from "@/components/shell/page-skip-link";
import { markedGid } from "@/lib/events/context-links";
import { GeoAttribution } from "@/components/geo/geo-attribution";

/** The explorer, bound to the URL: what it shows is what the address says, and nothing else. */
export function EventExplorer() {
  const { filter, view, errors, setFilter, setView } = useEventParams();
  const searchParams = useSearchParams();
  if (!filter || !view) return <InvalidParams errors={errors} search={new URLSearchParams(searchParams.toString())} />;
  return <Explorer filter={filter} view={view} setFilter={setFilter} setView={setView} />;
}

type SetView = ReturnType<typeof useEventParams>["setView"];

/**
 * The event a "surrounding events" link names in its fragment (`#event-<gid>`): marked, and
 * scrolled to once when it is among the rows.
 */
function useMarkedRow(events: EventPage["events"], tableRef: React.RefObject<HTMLDivElement | null>): string | null {
  // Read after commit: a client navigation writes the new address (and its fragment) only once
  // the page has rendered, so the fragment read during render is still the last page's.
  const [marked, setMarked] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setMarked(markedGid(window.location.hash));
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [events]);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!marked || shown.current === marked) return;
    const row = tableRef.current?.querySelector(`${ROW_SELECTOR}[data-gid="${CSS.escape(marked)}"]`);
    if (!row) return;
    shown.current = marked;
    row.scrollIntoView({ block: "center" });
  }, [marked, events, tableRef]);
  return marked;
}

function Explorer({ filter, view, setFilter, setView }: { filter: EventFilter; view: EventView; setFilter: (f: EventFilter) => unknown; setView: SetView }) {
  const refreshMs = REFRESH_MS[view.refresh];
  const zone = useZone(view.tz);
  const { list, page, rowsRead, searching } = useTextSearch(filter, view, refreshMs);
  const events = useMemo(() => list.data?.events ?? [], [list.data]);
  const progress = useSearchProgress(filter, view, searching ? list.data : undefined);
  const tableRef = useRef<HTMLDivElement>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const marked = useMarkedRow(events, tableRef);
  const fresh = useFreshRows(events, refreshMs !== false && view.page === null && view.sort === "newest");

  const addCondition = (c: Condition) => void setFilter(withCondition(filter, c));
  const toggleCondition = (c: Condition) => {
    const present = (c.exclude ? filter.exclude : filter.include)[c.dimension].includes(c.value);
    void setFilter(present ? withoutCondition(filter, c) : withCondition(filter, c));
  };
  // The open event is a selection, not a place: opening, stepping (j/k) and closing replace the
  // history entry, so Back leaves the explorer instead of replaying every row looked at.
  const open = (gid: string | null) => void setView({ event: gid }, { history: "replace" });

  // Keyboard (listed by ShortcutSheet, which "?" opens): "/" focuses the query; j/k start on the first row, or step through events while one is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = Boolean(target?.closest("input, textarea, select, [contenteditable='true'], [role='combobox']"));
      if (typing) return;
      if (event.key === "?") {
        event.preventDefault();
        setShortcuts(true);
      } else if (event.key === "/") {
        event.preventDefault();
        document.getElementById(QUERY_BAR_ID)?.focus();
      } else if ((event.key === "j" || event.key === "k") && view.event) {
        const index = events.findIndex((e) => e.gid === view.event);
        const next = events[index + (event.key === "j" ? 1 : -1)];
        if (next) {
          event.preventDefault();
          void setView({ event: next.gid }, { history: "replace" });
          document.querySelector(`${ROW_SELECTOR}[data-gid="${CSS.escape(next.gid)}"]`)?.scrollIntoView({ block: "nearest" });
        }
      } else if ((event.key === "j" || event.key === "k") && !target?.closest(ROW_SELECTOR)) {
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
      <PageSkipLink label="Skip to results" onSkip={() => focusRow(tableRef.current, "first") ?? tableRef.current?.focus()} />
      <ShortcutSheet open={shortcuts} onOpenChange={setShortcuts} />
      {/* Remounted when its text changes; the zone changes the text of absolute bounds only, and a remount would drop what someone is typing as hydration learns the zone. */}
      <QueryBar key={filter.time.kind === "absolute" ? `${filterToText(filter)} ${zone}` : filterToText(filter)} filter={filter} onSubmit={(f) => void setFilter(f)} />

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

        <div className="order-1 flex min-w-0 flex-col gap-3 outline-none lg:order-2" ref={tableRef} tabIndex={-1} aria-label="Results" role="region">
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
          ) : searching && list.data.scanned ? (
            <SearchProgress reached={list.data.scanned.to} rowsRead={rowsRead} progress={progress} view={view} />
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
              markedGid={marked}
            />
          )}
          {list.data && events.length > 0 ? <ScanNotice page={list.data} view={view} setView={setView} /> : null}
          <Pagination page={page} view={view} setView={setView} />
          {/* The rows' places and the facets' countries and networks come from the location databases, whose licence asks for this. */}
          <GeoAttribution className="self-end" />
        </div>
      </div>

      <EventDetailDrawer gid={view.event} tz={view.tz} search={eventSearch(filter, { ...view, page: null, event: null })} onClose={() => open(null)} />
    </div>
  );
}
