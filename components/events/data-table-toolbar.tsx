"use client";

import { Columns3, Globe, RefreshCw } from "lucide-react";
import { offsetLabel } from "@/lib/events/format-time";
import { COLUMN_LABELS, EVENT_COLUMNS, REFRESH_INTERVALS, REQUIRED_COLUMNS, type EventColumn, type EventView, type RefreshInterval } from "@/lib/events/view";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { useLocalZone } from "@/lib/time/use-local-zone";

type SetView = (patch: Partial<EventView>, options?: { history?: "push" | "replace" }) => unknown;

const REFRESH_LABELS: Record<RefreshInterval, string> = { off: "Auto-refresh off", "10s": "Every 10 s", "30s": "Every 30 s", "1m": "Every minute", "5m": "Every 5 minutes" };

/** Which columns show; kept in the URL like everything else (`cols=`). */
export function ColumnChooser({ columns, setView }: { columns: EventColumn[]; setView: SetView }) {
  const toggle = (column: EventColumn, on: boolean) => {
    const next = on ? [...columns, column] : columns.filter((c) => c !== column);
    setView({ columns: EVENT_COLUMNS.filter((c) => next.includes(c)) }, { history: "replace" });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel className="text-xs text-muted-foreground">Shown columns (also exported)</DropdownMenuLabel>
        {EVENT_COLUMNS.map((c) => (
          <DropdownMenuCheckboxItem
            key={c}
            checked={columns.includes(c)}
            disabled={REQUIRED_COLUMNS.includes(c)}
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(on) => toggle(c, on === true)}
          >
            {COLUMN_LABELS[c]}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => setView({ columns: ["time", "event", "actor", "resource", "context", "details"] }, { history: "replace" })}>Reset to default</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Local time or UTC, each with its offset spelled out; a zone named in the URL shows as a third choice. */
export function TimeZoneToggle({ tz, setView }: { tz: EventView["tz"]; setView: SetView }) {
  const local = useLocalZone();
  const zones: string[] = tz === "local" || tz === "utc" ? ["local", "utc"] : ["local", "utc", tz];
  return (
    <div role="group" aria-label="Time zone" className="inline-flex h-8 items-center rounded-md border bg-background p-0.5 shadow-xs dark:bg-input/20">
      <Globe className="mx-1.5 size-3.5 text-muted-foreground" aria-hidden />
      {zones.map((zone) => (
        <button
          key={zone}
          type="button"
          aria-pressed={tz === zone}
          onClick={() => setView({ tz: zone }, { history: "replace" })}
          className={cn(
            "h-full rounded-sm px-2 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring/50",
            tz === zone ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
          )}
        >
          {zone === "utc" ? "UTC" : zone !== "local" ? `${zone} (${offsetLabel(zone)})` : local ? `Local (${offsetLabel(local)})` : "Local"}
        </button>
      ))}
    </div>
  );
}

export function RefreshSelect({ refresh, setView }: { refresh: RefreshInterval; setView: SetView }) {
  return (
    <Select value={refresh} onValueChange={(value) => setView({ refresh: value as RefreshInterval }, { history: "replace" })}>
      <SelectTrigger size="sm" aria-label="Auto-refresh" className={cn(refresh !== "off" && "border-primary/40 text-primary")}>
        <RefreshCw className={cn(refresh !== "off" && "animate-[spin_3s_linear_infinite] text-primary")} />
        <SelectValue>{REFRESH_LABELS[refresh]}</SelectValue>
      </SelectTrigger>
      <SelectContent align="end">
        {REFRESH_INTERVALS.map((r) => (
          <SelectItem key={r} value={r}>
            {REFRESH_LABELS[r]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
