"use client";

import { useQuery } from "@tanstack/react-query";
import { categoryLabel, eventTypeInfo, eventTypeLabel } from "@/lib/asana/event-types";
import type { EventFilter } from "@/lib/events/filters";
import type { CountBy } from "@/lib/stats/count-by";
import { canFilter } from "@/lib/events/filters";
import { drillDown, eventsHref, excluding } from "@/lib/events/filter-ops";
import { panelQuery } from "@/lib/stats/query";
import { ChartBarCounts, type ColoredCountRow } from "@/components/charts/chart-bar-counts";
import { actorTypeLabel, OTHER_COLOR, seriesColor } from "@/components/charts/chart-colors";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ChartPieActorTypes } from "@/components/charts/chart-pie-actor-types";
import { CountTable } from "@/components/charts/count-table";

type Row = CountBy["rows"][number];
/** A row's link: none for a value cut short or one no filter can name ("no category", a category Asana made up). */
const linkFor = (filter: EventFilter, dimension: "eventType" | "category" | "actorType", r: Row) => (r.cut || r.value === "" ? null : drillDown(filter, dimension, r.value));
/** Labels are bounded strings; a value cut by the server says so. */
const cutLabel = (label: string, r: Row) => (r.cut && !label.endsWith("…") ? `${label}…` : label);
/** Keys by position: two values cut to the same start must still be two rows. */
const keyOf = (r: Row, i: number) => `${i}:${r.value}`;

/** The rest of the values, summed: linked when every listed value can be excluded by name. */
function otherRow(filter: EventFilter, data: CountBy, dimension: "eventType" | "category" | "actorType", label: string): ColoredCountRow[] {
  if (data.other <= 0) return [];
  const nameable = data.rows.every((r) => !r.cut && canFilter(dimension, r.value));
  return [{ key: "__other", label, count: data.other, color: OTHER_COLOR, href: nameable ? eventsHref(excluding(filter, dimension, data.rows.map((r) => r.value))) : null }];
}

/** Event types, each coloured by its category; the rest summed as "Other event types". */
function eventTypeRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  const rows = data.rows.map((r, i) => ({
    key: keyOf(r, i),
    label: cutLabel(eventTypeLabel(r.value), r),
    count: r.count,
    color: seriesColor("category", eventTypeInfo(r.value)?.event_category ?? "", 0),
    href: linkFor(filter, "eventType", r),
  }));
  return [...rows, ...otherRow(filter, data, "eventType", "Other event types")];
}

function categoryRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  const rows = data.rows.map((r, i) => ({
    key: keyOf(r, i),
    label: cutLabel(categoryLabel(r.value || null), r),
    count: r.count,
    color: seriesColor("category", r.value, i),
    href: linkFor(filter, "category", r),
  }));
  return [...rows, ...otherRow(filter, data, "category", "Other categories")];
}

function actorTypeRows(filter: EventFilter, data: CountBy): ColoredCountRow[] {
  const rows = data.rows.map((r, i) => ({ key: keyOf(r, i), label: cutLabel(actorTypeLabel(r.value), r), count: r.count, color: seriesColor("actorType", r.value, i), href: linkFor(filter, "actorType", r) }));
  return [...rows, ...otherRow(filter, data, "actorType", "Other actor types")];
}

export function PanelEventTypes({ filter }: { filter: EventFilter }) {
  const query = useQuery(panelQuery("event-types", filter));
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
  const query = useQuery(panelQuery("categories", filter));
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
  const query = useQuery(panelQuery("actor-types", filter));
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
