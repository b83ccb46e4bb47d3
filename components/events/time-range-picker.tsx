"use client";

import { useState, type FormEvent } from "react";
import { CalendarClock, ChevronDown } from "lucide-react";
import { fromLocalInput, toLocalInput, zoneLabel } from "@/lib/events/format-time";
import { CALENDAR_PRESETS, checkAbsolute, describeRelative, TIME_PRESETS, type TimeRange } from "@/lib/events/time-range";
import type { TimeZoneChoice } from "@/lib/events/view";
import { useZone } from "@/lib/time/use-local-zone";
import { timeRangeLabel } from "@/components/filters/condition-label";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

/**
 * Presets from 15 minutes to all time, calendar ranges (today … last month) in the chosen
 * zone, or any absolute range typed in that zone (the URL always keeps UTC instants). Until
 * the browser's zone is known (components/shell/local-zone.tsx) nothing shows a time.
 */
export function TimeRangePicker({ value, tz, onChange }: { value: TimeRange; tz: TimeZoneChoice; onChange: (range: TimeRange) => void }) {
  const zone = useZone(tz);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (range: TimeRange) => {
    setError(null);
    setOpen(false);
    onChange(range);
  };

  const applyAbsolute = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!zone) return;
    const from = fromLocalInput(String(data.get("from") ?? ""), zone);
    const to = fromLocalInput(String(data.get("to") ?? ""), zone);
    if (!from && !to) return setError("Give a start, an end, or both.");
    const reversed = checkAbsolute(from, to);
    if (reversed) return setError("The start must be before the end.");
    choose({ kind: "absolute", from, to });
  };

  const absolute = value.kind === "absolute" ? value : null;
  const label = absolute && !zone ? "Time range" : timeRangeLabel(value, zone ?? "UTC");
  return (
    <Popover open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="gap-2" aria-label={`Time range: ${label}`} data-testid="time-range-button">
          <CalendarClock className="text-muted-foreground" />
          <span>{label}</span>
          <ChevronDown className="text-muted-foreground" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80">
        <p className="mb-2 text-xs font-medium text-muted-foreground">Relative</p>
        <div className="grid grid-cols-4 gap-1" role="group" aria-label="Relative ranges">
          {TIME_PRESETS.map((preset) => {
            const active = value.kind === "relative" && value.last === preset;
            return (
              <Button
                key={preset}
                size="xs"
                variant={active ? "default" : "outline"}
                aria-pressed={active}
                title={describeRelative(preset)}
                onClick={() => choose({ kind: "relative", last: preset })}
              >
                {preset === "all" ? "All" : preset}
              </Button>
            );
          })}
        </div>
        <p className="mt-3 mb-2 text-xs font-medium text-muted-foreground">Calendar, in {zone ? zoneLabel(zone) : "your zone"}</p>
        <div className="grid grid-cols-3 gap-1" role="group" aria-label="Calendar ranges">
          {CALENDAR_PRESETS.map((preset) => {
            const active = value.kind === "relative" && value.last === preset;
            return (
              <Button key={preset} size="xs" variant={active ? "default" : "outline"} aria-pressed={active} disabled={!zone} onClick={() => zone && choose({ kind: "relative", last: preset, zone })}>
                {describeRelative(preset)}
              </Button>
            );
          })}
        </div>
        <form onSubmit={applyAbsolute} className="mt-4 flex flex-col gap-2" noValidate>
          <p className="text-xs font-medium text-muted-foreground">Absolute, in {zone ? zoneLabel(zone) : "your zone"}</p>
          <div className="grid gap-1">
            <Label htmlFor="range-from" className="text-xs">
              From
            </Label>
            <Input id="range-from" name="from" type="datetime-local" defaultValue={zone ? toLocalInput(absolute?.from ?? null, zone) : ""} className="h-8 text-xs" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="range-to" className="text-xs">
              To (not included)
            </Label>
            <Input id="range-to" name="to" type="datetime-local" defaultValue={zone ? toLocalInput(absolute?.to ?? null, zone) : ""} className="h-8 text-xs" />
          </div>
          <p role="alert" className={cn("text-xs text-destructive", !error && "sr-only")}>
            {error}
          </p>
          <Button type="submit" size="sm">
            Apply range
          </Button>
        </form>
      </PopoverContent>
    </Popover>
  );
}
