"use client";

import { Download } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { exportUrl } from "@/lib/events/query";
import type { EventView } from "@/lib/events/view";
import { useZone } from "@/lib/time/use-local-zone";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/**
 * Downloads of the whole filtered result (every page, not just this one) with the shown
 * columns. Plain links: the browser streams the file to disk, however large, and the
 * export is recorded in the dashboard's audit trail.
 */
export function ExportMenu({ filter, view }: { filter: EventFilter; view: EventView }) {
  // Times in the zone on screen; before the browser's is known (only before hydration) UTC, which the file names.
  const zone = useZone(view.tz) ?? "UTC";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Download />
          Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">All matching events, {view.columns.length} columns, recorded in the audit trail; times in {zone}</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href={exportUrl(filter, view, "csv", zone)} download>
            CSV (spreadsheets)
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={exportUrl(filter, view, "ndjson", zone)} download>
            NDJSON (one JSON object a line)
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
