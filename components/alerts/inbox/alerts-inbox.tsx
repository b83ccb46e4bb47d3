"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { BellOff, SearchX } from "lucide-react";
import { useState } from "react";
import { TimeZoneToggle } from "@/components/events/data-table-toolbar";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { alertListQuery } from "@/lib/alerts/query";
import { isNarrowed } from "@/lib/alerts/search-params";
import { STATUS_LABELS, STATUS_TABS, type StatusTab } from "@/lib/alerts/vocabulary";
import { emptyFilter } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";
import { AlertDetailDrawer } from "./alert-detail-drawer";
import { AlertTable } from "./alert-table";
import { BulkActions } from "./bulk-actions";
import { DataTableToolbar } from "./data-table-toolbar";
import { useInboxParams } from "./use-inbox-params";

const EMPTY: Record<StatusTab, { title: string; description: string }> = {
  open: { title: "No open alerts", description: "Nothing needs looking at. Alerts appear here as the rules find them in newly synced events." },
  acknowledged: { title: "No acknowledged alerts", description: "Alerts someone is looking into are listed here." },
  resolved: { title: "No resolved alerts", description: "Alerts marked resolved are kept here." },
  all: { title: "No alerts yet", description: "Alerts appear here as the rules find them in newly synced events." },
};

/**
 * The alerts inbox: status tabs, filters and the table bound to the URL (lib/alerts/search-params.ts),
 * older pages on demand (keyset cursor from the API), row selection for bulk actions, and the
 * detail of `?alert=<id>` over the list.
 */
export function AlertsInbox() {
  const { params, filters, setParams } = useInboxParams();
  const query = useInfiniteQuery(alertListQuery(filters));
  const alerts = query.data?.pages.flatMap((page) => page.alerts) ?? [];
  // The selection belongs to one list: another tab or filter starts with none.
  const listKey = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: listKey, ids: new Set() });
  const selected = selection.key === listKey ? selection.ids : new Set<string>();
  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelection({ key: listKey, ids: next });
  };
  const clearSelection = () => setSelection({ key: listKey, ids: new Set() });
  const selectedRows = alerts.filter((a) => selected.has(a.id));
  const zoneSearch = eventSearch(emptyFilter(), { tz: params.tz });
  const actorHref = (key: string) => `/actors/${encodeURIComponent(key)}${zoneSearch}`;
  const narrowed = isNarrowed(filters);

  return (
    <div className="flex flex-col gap-4">
      <Tabs value={params.status} onValueChange={(value) => void setParams({ status: value as StatusTab })}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <TabsList aria-label="Status">
            {STATUS_TABS.map((status) => (
              <TabsTrigger key={status} value={status}>
                {STATUS_LABELS[status]}
              </TabsTrigger>
            ))}
          </TabsList>
          <div className="flex flex-wrap items-center gap-2">
            <DataTableToolbar />
            <TimeZoneToggle tz={params.tz} setView={(patch, options) => void setParams({ tz: patch.tz ?? null }, options)} />
          </div>
        </div>
        <TabsContent value={params.status} className="flex flex-col gap-3" tabIndex={-1}>
          {selectedRows.length > 0 ? <BulkActions ids={selectedRows.map((a) => a.id)} statuses={selectedRows.map((a) => a.status)} onClear={clearSelection} /> : null}
          {query.isPending ? (
            <Skeleton className="h-80" aria-busy="true" aria-label="Loading alerts" />
          ) : query.error && alerts.length === 0 ? (
            <ErrorState bordered title="Couldn't load the alerts" error={query.error} onRetry={() => void query.refetch()} />
          ) : alerts.length === 0 ? (
            <EmptyState
              bordered
              icon={narrowed ? SearchX : BellOff}
              title={narrowed ? `No ${params.status === "all" ? "" : `${STATUS_LABELS[params.status].toLowerCase()} `}alerts match these filters` : EMPTY[params.status].title}
              description={narrowed ? "Clear the filters to see the whole list." : EMPTY[params.status].description}
              action={
                narrowed ? (
                  <Button variant="outline" size="sm" onClick={() => void setParams({ severity: null, rule: null, actor: null, range: null })}>
                    Clear filters
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <AlertTable
                alerts={alerts}
                selected={selected}
                onSelect={select}
                onOpen={(id) => void setParams({ alert: id })}
                openId={params.alert}
                actorHref={actorHref}
                stale={query.isRefetching && !query.isFetchingNextPage}
              />
              <p className="text-xs text-muted-foreground">↑/↓ or j/k: move · Enter: open · Space or x: select</p>
              {query.hasNextPage ? (
                <div className="flex justify-center">
                  <Button variant="outline" size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                    {query.isFetchingNextPage ? "Loading…" : "Load older alerts"}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </TabsContent>
      </Tabs>
      <AlertDetailDrawer id={params.alert} tz={params.tz} onClose={() => void setParams({ alert: null })} />
    </div>
  );
}
