"use client";

import { Link } from "@/components/ui/link";
import { ScrollText } from "lucide-react";
import { emptyFilter, withCondition, withoutCondition, withTime, type EventFilter } from "@/lib/events/filters";
import { filterToText } from "@/lib/events/query-text";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { eventsHref } from "@/lib/events/filter-ops";
import { EventCount } from "@/components/events/event-count";
import { QueryBar } from "@/components/events/query-bar";
import { TimeRangePicker } from "@/components/events/time-range-picker";
import { AddFilter } from "@/components/filters/add-filter";
import { FilterChips } from "@/components/filters/filter-chips";
import { Button } from "@/components/ui/button";

/**
 * The explorer's filter bar, over the same URL parameters: a filter set here is the one
 * /events opens with, and the other way round. `scope` narrows what the count and "Open in
 * Events" mean (an actor's timeline counts that actor's events).
 */
export function FilterBar({ filter, setFilter, scope = (f) => f }: { filter: EventFilter; setFilter: (filter: EventFilter) => unknown; scope?: (filter: EventFilter) => EventFilter }) {
  const tz = useZoneChoice();
  // The bar's text shows times in the zone: a new text when the zone becomes known.
  const zone = useZone(tz);
  return (
    <div className="flex flex-col gap-3">
      <QueryBar key={`${filterToText(filter)} ${zone}`} filter={filter} onSubmit={(f) => void setFilter(f)} />
      <div className="flex flex-wrap items-center gap-2">
        <TimeRangePicker value={filter.time} tz={tz} onChange={(time) => void setFilter(withTime(filter, time))} />
        <AddFilter onAdd={(c) => void setFilter(withCondition(filter, c))} />
        <FilterChips
          filter={filter}
          onChange={(remove, add) => void setFilter(add ? withCondition(withoutCondition(filter, remove), add) : withoutCondition(filter, remove))}
          onClear={() => void setFilter(emptyFilter(filter.time))}
          onRemoveExpression={() => void setFilter({ ...filter, expression: null })}
        />
        <div className="ml-auto flex items-center gap-3">
          <EventCount filter={scope(filter)} />
          <Button variant="outline" size="sm" asChild>
            <Link href={eventsHref(scope(filter))}>
              <ScrollText />
              Open in Events
            </Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
