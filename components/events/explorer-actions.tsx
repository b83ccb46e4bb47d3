"use client";

import { eventSearch } from "@/lib/events/search-params";
import { useEventParams } from "@/lib/events/use-event-params";
import { ExportMenu } from "./export-menu";
import { SaveQueryDialog } from "./save-query-dialog";

/** The page header's actions on the current view: save it, export it. */
export function ExplorerActions() {
  const { filter, view } = useEventParams();
  if (!filter || !view) return null;
  return (
    <>
      <SaveQueryDialog filter={filter} search={eventSearch(filter, { ...view, page: null, event: null })} />
      <ExportMenu filter={filter} view={view} />
    </>
  );
}
