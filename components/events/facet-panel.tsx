"use client";

import { Fragment, useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Ban, Check, ChevronRight, Minus } from "lucide-react";
import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import type { FacetWindow } from "@/lib/events/count-facets";
import { PLACE_FACETS } from "@/lib/events/facet-parts";
import type { FacetDimension, FacetValue } from "@/lib/events/facet-grouping";
import { canFilter, isGid, type Condition, type EventFilter } from "@/lib/events/filters";
import { visibleText } from "@/lib/format/visible-text";
import { eventFacetsQuery } from "@/lib/events/query";
import { formatCount } from "@/lib/format/time";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { rovingFocus, rovingKeyDown, rovingTabStops } from "@/components/ui/roving-focus";
import { cn } from "@/lib/utils";
import { countryCode, countryName } from "@/lib/geo/country";
import { CountryFlag } from "@/components/geo/country-flag";

/** Labels are plain, bounded text with every hidden character shown: they also name buttons. */
const shown = (value: string) => visibleText(value, 120);
const SECTIONS: Array<{ dimension: FacetDimension; title: string; label: (v: FacetValue) => string; icon?: (v: FacetValue) => ReactNode }> = [
  { dimension: "actorType", title: "Actor type", label: (v) => humanize(v.value) },
  { dimension: "actor", title: "Top actors", label: (v) => shown(v.label ?? v.value) },
  { dimension: "resourceType", title: "Resource type", label: (v) => humanize(v.value) },
  { dimension: "contextType", title: "Context", label: (v) => humanize(v.value) },
  { dimension: "authMethod", title: "Auth method", label: (v) => humanize(v.value) },
  { dimension: "oauthApp", title: "Top OAuth apps", label: (v) => shown(v.value) },
  { dimension: "ip", title: "Top IP addresses", label: (v) => shown(v.value) },
  { dimension: "country", title: "Countries", label: (v) => (countryCode(v.value) ? countryName(v.value) : shown(v.value)), icon: (v) => <CountryFlag code={v.value} /> },
  { dimension: "asn", title: "Top networks", label: (v) => shown(v.label ? `AS${v.value} ${v.label}` : `AS${v.value}`) },
];

/** Whether a facet's value can be a filter: whole, and a value the filter accepts (an actor by gid: digits). */
const togglable = (dimension: FacetDimension, v: FacetValue) => !v.cut && canFilter(dimension, v.value) && (dimension !== "actor" || isGid(v.value));

type Toggle = (condition: Condition) => void;

/**
 * Counts per value for the current filter, to see the shape of a result and narrow it with a
 * click: the name keeps only that value (again to undo), the minus leaves it out. A dimension
 * already narrowed still lists its other values, counted as if it were not, so it can widen.
 */
export function FacetPanel({ filter, onToggle }: { filter: EventFilter; onToggle: Toggle }) {
  const query = useQuery(eventFacetsQuery(filter, "values"));
  // Countries and networks in a request of their own: they join every address to its place.
  const places = useQuery(eventFacetsQuery(filter, "places"));
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading counts">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    );
  }
  if (query.error) return <ErrorState size="compact" bordered title="Counts unavailable" error={query.error} onRetry={() => void query.refetch()} />;
  const dimensions = { ...query.data.dimensions, ...places.data?.dimensions };
  const windows = { ...query.data.windows, ...places.data?.windows };
  const isPlace = (d: FacetDimension) => (PLACE_FACETS as readonly string[]).includes(d);

  return (
    <div
      ref={rovingTabStops}
      role="toolbar"
      aria-orientation="vertical"
      aria-label="Filter by value"
      aria-describedby="facet-keys"
      onKeyDown={rovingKeyDown}
      onFocus={rovingFocus}
      className={cn("flex flex-col gap-4 text-sm transition-opacity", query.isPlaceholderData && "opacity-60")}
      aria-busy={query.isFetching || undefined}
    >
      <p id="facet-keys" className="sr-only">
        One stop in the Tab order: arrow keys move between values, Space or Enter filters on one, the minus beside it (Right arrow) leaves it out.
      </p>
      <EstimateNotice windows={windows} />
      {SECTIONS.map((s, i) => (
        <Fragment key={s.dimension}>
          {i === 0 ? <EventTypeSection categories={dimensions.category ?? []} types={dimensions.eventType ?? []} filter={filter} onToggle={onToggle} /> : null}
          {isPlace(s.dimension) && places.isPending ? (
            <section aria-label={s.title} aria-busy="true">
              <h3 className="mb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{s.title}</h3>
              <Skeleton className="h-16" />
            </section>
          ) : isPlace(s.dimension) && places.error ? (
            <section aria-label={s.title}>
              <h3 className="mb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{s.title}</h3>
              {s.dimension === "country" ? <ErrorState size="compact" bordered title="Place counts unavailable" error={places.error} onRetry={() => void places.refetch()} /> : null}
            </section>
          ) : (
            <FacetSection title={s.title} estimate={windows[s.dimension]?.narrowed} dimmed={isPlace(s.dimension) && places.isPlaceholderData}>
              {withSelected(dimensions[s.dimension] ?? [], filter, s.dimension).map((v, i) => (
                <FacetRow key={`${i}:${v.value}`} dimension={s.dimension} value={v} label={s.label(v)} icon={s.icon?.(v)} filter={filter} onToggle={onToggle} max={dimensions[s.dimension]?.[0]?.count ?? 1} />
              ))}
            </FacetSection>
          )}
        </Fragment>
      ))}
    </div>
  );
}

/**
 * Counts are exact unless no rollup can serve the filter and checking every event it might
 * match would take too long (free text or an actor over millions of events): then the
 * dimensions concerned count the newest events only, and this says so, and over what.
 */
function EstimateNotice({ windows }: { windows: Partial<Record<FacetDimension, FacetWindow>> }) {
  const narrowed = Object.values(windows).filter((w) => w !== undefined && w.narrowed);
  if (narrowed.length === 0) return null;
  const since = narrowed.map((w) => w.from!).sort()[0]!;
  const checked = Math.max(0, ...narrowed.map((w) => w.events));
  return (
    <p className="rounded-md border border-warning/30 bg-warning/10 px-2.5 py-1.5 text-xs text-foreground" data-testid="facets-narrowed">
      Estimated counts (marked below): only the newest {formatCount(checked)} events of the range were checked, from {since.slice(0, 16).replace("T", " ")} UTC on; checking every one would take too long. The table, total and exports cover the whole range.
    </p>
  );
}

/** Values the filter names that no event in the range has (the server keeps the others, top N or not), so they can be undone here. */
function withSelected(values: FacetValue[], filter: EventFilter, dimension: FacetDimension): FacetValue[] {
  const named = [...filter.include[dimension], ...filter.exclude[dimension]].filter((v) => !values.some((x) => x.value === v));
  return [...values, ...named.map((value) => ({ value, count: 0 }))];
}

function FacetSection({ title, estimate, dimmed, children }: { title: string; estimate?: boolean; dimmed?: boolean; children: React.ReactNode }) {
  const rows = Array.isArray(children) ? children.length : 1;
  return (
    <section aria-label={estimate ? `${title} (estimated counts)` : title} className={cn("transition-opacity", dimmed && "opacity-60")}>
      <h3 className="mb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">
        {title}
        {estimate ? <span className="ml-1 font-normal normal-case">· estimate</span> : null}
      </h3>
      {rows === 0 ? <p className="text-xs text-muted-foreground">None in this range.</p> : <ul className="flex flex-col">{children}</ul>}
    </section>
  );
}

/**
 * Categories, each opening onto its event types: the event-type multi-select, grouped, with
 * counts. A category's own row filters by the category; its types filter one by one.
 */
function EventTypeSection({ categories, types, filter, onToggle }: { categories: FacetValue[]; types: FacetValue[]; filter: EventFilter; onToggle: Toggle }) {
  const byCategory = new Map<string, FacetValue[]>();
  for (const v of withSelected(types, filter, "eventType")) byCategory.set(v.category ?? "", [...(byCategory.get(v.category ?? "") ?? []), v]);
  const named = (v: FacetValue) => filter.include.eventType.includes(v.value) || filter.exclude.eventType.includes(v.value);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([...byCategory].filter(([, list]) => list.some(named)).map(([c]) => c)));
  const rows = withSelected(categories, filter, "category");
  const max = Math.max(1, ...categories.map((v) => v.count));
  const typeMax = Math.max(1, ...types.map((v) => v.count));
  return (
    <section aria-label="Event types by category">
      <h3 className="mb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">Category and event type</h3>
      {rows.length === 0 ? <p className="text-xs text-muted-foreground">None in this range.</p> : null}
      <ul className="flex flex-col">
        {rows.map((c, i) => {
          const list = byCategory.get(c.value) ?? [];
          const open = opened.has(c.value);
          const toggleOpen = () => setOpened((prev) => (prev.has(c.value) ? new Set([...prev].filter((x) => x !== c.value)) : new Set([...prev, c.value])));
          return (
            <li key={`${i}:${c.value}`}>
              <div className="flex items-start" data-roving-row>
                <button
                  type="button"
                  data-roving="side"
                  aria-expanded={open}
                  aria-label={`${open ? "Hide" : "Show"} the event types of ${categoryLabel(c.value)}`}
                  onClick={toggleOpen}
                  disabled={list.length === 0}
                  className="mt-px flex size-5 shrink-0 items-center justify-center rounded-sm text-muted-foreground outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 disabled:opacity-30"
                >
                  <ChevronRight className={cn("size-3.5 transition-transform", open && "rotate-90")} />
                </button>
                <ul className="min-w-0 flex-1">
                  <FacetRow dimension="category" value={c} label={categoryLabel(c.value || null)} filter={filter} onToggle={onToggle} max={max} wrap ownRow={false} />
                </ul>
              </div>
              {open ? (
                <ul className="mb-1 ml-2.5 flex flex-col border-l pl-2" aria-label={`Event types of ${categoryLabel(c.value)}`}>
                  {list.map((v, i) => (
                    <FacetRow key={`${i}:${v.value}`} dimension="eventType" value={v} label={eventTypeLabel(v.value)} filter={filter} onToggle={onToggle} max={typeMax} wrap />
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * One value: its name filters on it, the minus leaves it out. Event types and categories wrap
 * (their labels are the words people look for: "Two-factor authentication requirement
 * changed"); long tails (names, addresses) keep one line and show whole in the tooltip.
 */
function FacetRow({ dimension, value, label, icon, filter, onToggle, max, wrap = false, ownRow = true }: { dimension: FacetDimension; value: FacetValue; label: string; icon?: ReactNode; filter: EventFilter; onToggle: Toggle; max: number; wrap?: boolean; ownRow?: boolean }) {
  const labelClass = wrap ? "min-w-0 [overflow-wrap:anywhere]" : "truncate";
  const included = filter.include[dimension].includes(value.value);
  const excluded = filter.exclude[dimension].includes(value.value);
  if (!togglable(dimension, value)) {
    return (
      <li className="relative flex items-center gap-1 rounded-sm px-1 py-0.5 text-[13px]" title="No filter can name this value">
        <span aria-hidden className="absolute inset-y-0.5 left-0 rounded-sm bg-primary/8 dark:bg-primary/12" style={{ width: `${Math.max(2, (value.count / max) * 100)}%` }} />
        {icon}
        <span className={cn("relative min-w-0", labelClass)}>{label}</span>
        <span className="relative ml-auto shrink-0 pl-2 text-xs text-muted-foreground tabular-nums">{formatCount(value.count)}</span>
      </li>
    );
  }
  return (
    <li className="group/row relative flex items-start gap-1 rounded-sm" data-roving-row={ownRow || undefined}>
      <span aria-hidden className="absolute inset-y-0.5 left-0 rounded-sm bg-primary/8 dark:bg-primary/12" style={{ width: `${Math.max(2, (value.count / max) * 100)}%` }} />
      <button
        type="button"
        data-roving="main"
        aria-pressed={included}
        aria-label={`${included ? "Stop filtering on" : "Only"} ${label} (${formatCount(value.count)})`}
        title={included ? `Stop filtering on ${label}` : `Only ${label}`}
        onClick={() => onToggle({ dimension, value: value.value, exclude: false })}
        className={cn(
          "relative flex min-w-0 flex-1 items-center gap-1.5 rounded-sm px-1 py-0.5 text-left text-[13px] outline-none hover:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring/50",
          excluded && "text-muted-foreground line-through",
        )}
      >
        {included ? <Check className="mt-0.5 size-3.5 shrink-0 self-start text-primary" aria-hidden /> : excluded ? <Ban className="mt-0.5 size-3.5 shrink-0 self-start text-destructive" aria-hidden /> : null}
        {icon}
        <span className={labelClass}>{label}</span>
        <span className="ml-auto shrink-0 pl-2 text-xs text-muted-foreground tabular-nums">{formatCount(value.count)}</span>
      </button>
      <button
        type="button"
        data-roving="side"
        aria-pressed={excluded}
        aria-label={excluded ? `Stop excluding ${label}` : `Exclude ${label}`}
        title={excluded ? `Stop excluding ${label}` : `Exclude ${label}`}
        onClick={() => onToggle({ dimension, value: value.value, exclude: true })}
        className={cn(
          "relative mt-px flex size-5 shrink-0 items-center justify-center rounded-sm text-muted-foreground opacity-0 outline-none group-hover/row:opacity-100 hover:bg-accent hover:text-destructive focus-visible:opacity-100 focus-visible:ring-2 focus-visible:ring-ring/50",
          excluded && "text-destructive opacity-100",
        )}
      >
        <Minus className="size-3.5" />
      </button>
    </li>
  );
}
