"use client";

import { useQuery } from "@tanstack/react-query";
import { categoryLabel, eventTypeInfo, eventTypeLabel } from "@/lib/asana/event-types";
import type { EventFilter } from "@/lib/events/filters";
import type { CountBy } from "@/lib/stats/count-by";
import { eventsHref, excluding, narrow } from "@/lib/stats/filter-ops";
import { panelQuery } from "@/lib/stats/query";
import { ChartBarCounts, type ColoredCountRow } from "@/components/charts/chart-bar-counts";
import { actorTypeLabel, OTHER_COLOR, seriesColor } from "@/components/charts/chart-colors";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ChartPieActorTypes } from "@/components/charts/chart-pie-actor-types";
import { CountTable } from "@/components/charts/count-table";

/** Event types, each coloured by its category; the rest summed as "Other event types". */
function eventTypeRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  const rows = data.rows.map((r) => ({
    key: r.value,
    label: eventTypeLabel(r.value),
    count: r.count,
    color: seriesColor("category", eventTypeInfo(r.value)?.event_category ?? "", 0),
    href: eventsHref(narrow(filter, "eventType", r.value)),
  }));
  if (data.other > 0) {
    rows.push({ key: "__other", label: "Other event types", count: data.other, color: OTHER_COLOR, href: eventsHref(excluding(filter, "eventType", data.rows.map((r) => r.value))) });
  }
  return rows;
}

function categoryRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  return data.rows.map((r, i) => ({
    key: r.value || "__none",
    label: categoryLabel(r.value || null),
    count: r.count,
    color: seriesColor("category", r.value, i),
    // "No category" is not something a filter can say.
    href: r.value ? eventsHref(narrow(filter, "category", r.value)) : null,
  }));
}

function actorTypeRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  return data.rows.map((r, i) => ({ key: r.value, label: actorTypeLabel(r.value), count: r.count, color: seriesColor("actorType", r.value, i), href: eventsHref(narrow(filter, "actorType", r.value)) }));
}

export function PanelEventTypes({ filter }: { filter: EventFilter }) {
  const query = useQuery(panelQuery("event-types", filter, "category"));
  return (
    <ChartPanel
      title="Event types"
      description="The ten most frequent, coloured by category"
      query={query}
      height={300}
      testId="panel-event-types"
      isEmpty={(d) => d.total === 0}
      chart={(d) => <ChartBarCounts rows={eventTypeRows(filter, d)} testId="event-types-chart" />}
      table={(d) => <CountTable rows={eventTypeRows(filter, d)} total={d.total} label="Event type" />}
    />
  );
}

export function PanelCategories({ filter }: { filter: EventFilter }) {
  const query = useQuery(panelQuery("categories", filter, "category"));
  return (
    <ChartPanel
      title="Categories"
      query={query}
      height={180}
      testId="panel-categories"
      isEmpty={(d) => d.total === 0}
      chart={(d) => <ChartBarCounts rows={categoryRows(filter, d)} testId="categories-chart" />}
      table={(d) => <CountTable rows={categoryRows(filter, d)} total={d.total} label="Category" />}
    />
  );
}

export function PanelActorTypes({ filter }: { filter: EventFilter }) {
  const query = useQuery(panelQuery("actor-types", filter, "category"));
  return (
    <ChartPanel
      title="Actor types"
      description="Who acted: people, Asana, its support staff, outside administrators"
      query={query}
      height={180}
      testId="panel-actor-types"
      isEmpty={(d) => d.total === 0}
      chart={(d) => <ChartPieActorTypes rows={actorTypeRows(filter, d)} total={d.total} height={180} />}
      table={(d) => <CountTable rows={actorTypeRows(filter, d)} total={d.total} label="Actor type" />}
    />
  );
}
