"use client";

import { useState, type FormEvent } from "react";
import { CalendarClock, ChevronDown } from "lucide-react";
import { fromLocalInput, offsetLabel, toLocalInput } from "@/lib/events/format-time";
import { checkAbsolute, describeRelative, TIME_PRESETS, type TimeRange } from "@/lib/events/time-range";
import type { TimeZoneChoice } from "@/lib/events/view";
import { timeRangeLabel } from "@/components/filters/condition-label";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

/**
 * Presets from 15 minutes to all time, or any absolute range typed in the zone the table is
 * shown in (the URL always keeps UTC instants).
 */
export function TimeRangePicker({ value, tz, onChange }: { value: TimeRange; tz: TimeZoneChoice; onChange: (range: TimeRange) => void }) {
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
    const from = fromLocalInput(String(data.get("from") ?? ""), tz);
    const to = fromLocalInput(String(data.get("to") ?? ""), tz);
    if (!from && !to) return setError("Give a start, an end, or both.");
    const reversed = checkAbsolute(from, to);
    if (reversed) return setError("The start must be before the end.");
    choose({ kind: "absolute", from, to });
  };

  const absolute = value.kind === "absolute" ? value : null;
  return (
    <Popover open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="gap-2" aria-label={`Time range: ${timeRangeLabel(value)}`}>
          <CalendarClock className="text-muted-foreground" />
          <span>{timeRangeLabel(value)}</span>
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
        <form onSubmit={applyAbsolute} className="mt-4 flex flex-col gap-2" noValidate>
          <p className="text-xs font-medium text-muted-foreground">Absolute, in {tz === "utc" ? "UTC" : `your zone (${offsetLabel(tz)})`}</p>
          <div className="grid gap-1">
            <Label htmlFor="range-from" className="text-xs">
              From
            </Label>
            <Input id="range-from" name="from" type="datetime-local" defaultValue={toLocalInput(absolute?.from ?? null, tz)} className="h-8 text-xs" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="range-to" className="text-xs">
              To (not included)
            </Label>
            <Input id="range-to" name="to" type="datetime-local" defaultValue={toLocalInput(absolute?.to ?? null, tz)} className="h-8 text-xs" />
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
