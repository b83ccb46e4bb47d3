"use client";

import { useSearchParams } from "next/navigation";
import { useQueryState } from "nuqs";
import { useEventFilter, useZoneChoice } from "@/lib/events/use-event-params";
import { overviewSearch } from "@/lib/stats/search-params";
import { InvalidParams } from "@/components/filters/invalid-params";
import { PanelAlerts } from "./panel-alerts";
import { PanelActorTypes, PanelCategories, PanelEventTypes } from "./panel-counts";
import { PanelEventsOverTime } from "./panel-events-over-time";
import { PanelMap } from "./panel-map";
import { PanelTopValues } from "./panel-top-values";
import { PresetPanels } from "./preset-panels";
import { FilterBar } from "@/components/filters/filter-bar";

/**
 * The overview, bound to the URL like the explorer (the same filter parameters, plus how the
 * time chart stacks and what the map counts). Every panel is its own query: each loads, fails and retries alone.
 */
export function Overview() {
  const { filter, errors, setFilter } = useEventFilter();
  const [stack, setStack] = useQueryState("stack", overviewSearch.parsers.stack.withOptions({ history: "replace" }));
  const [interval, setInterval] = useQueryState("interval", overviewSearch.parsers.interval.withOptions({ history: "replace" }));
  const [map, setMap] = useQueryState("map", overviewSearch.parsers.map.withOptions({ history: "replace" }));
  const tz = useZoneChoice();
  const searchParams = useSearchParams();
  if (!filter) return <InvalidParams errors={errors} search={new URLSearchParams(searchParams.toString())} path="/" />;
  return (
    <div className="flex flex-col gap-6">
      <FilterBar filter={filter} setFilter={setFilter} />
      <PresetPanels filter={filter} />
      <PanelAlerts tz={tz} />
      <PanelEventsOverTime filter={filter} stack={stack} setStack={(s) => void setStack(s)} interval={interval} setInterval={(i) => void setInterval(i)} tz={tz} setFilter={setFilter} />
      <div className="grid gap-6 xl:grid-cols-2">
        <PanelEventTypes filter={filter} />
        <div className="grid gap-6">
          <PanelActorTypes filter={filter} />
          <PanelCategories filter={filter} />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2 xl:grid-cols-3">
        <PanelTopValues filter={filter} dimension="actor" />
        <PanelTopValues filter={filter} dimension="ip" />
        <PanelTopValues filter={filter} dimension="oauthApp" />
      </div>
      <PanelMap filter={filter} subject={map} setSubject={(m) => void setMap(m)} />
    </div>
  );
}
