"use client";

import { useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { checkValue, DIMENSION_SPECS, DIMENSIONS, type Condition, type Dimension } from "@/lib/events/filters";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/**
 * A filter on any dimension by hand, for values no cell or count offers yet (an IP range, an
 * actor by e-mail, an OAuth app). The value is checked as the URL would check it.
 */
export function AddFilter({ onAdd }: { onAdd: (condition: Condition) => void }) {
  const [open, setOpen] = useState(false);
  const [dimension, setDimension] = useState<Dimension>("actor");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const checked = checkValue(dimension, String(data.get("value") ?? ""));
    if ("error" in checked) return setError(checked.error);
    const exclude = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "exclude";
    onAdd({ dimension, value: checked.value, exclude });
    setOpen(false);
    setError(null);
  };

  return (
    <Popover open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm">
          <Plus />
          Filter
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80">
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <div className="grid gap-1.5">
            <Label htmlFor="add-filter-dimension" className="text-xs">
              Field
            </Label>
            <Select value={dimension} onValueChange={(v) => (setDimension(v as Dimension), setError(null))}>
              <SelectTrigger id="add-filter-dimension" size="sm" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {DIMENSIONS.map((d) => (
                  <SelectItem key={d} value={d}>
                    {DIMENSION_SPECS[d].label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="add-filter-value" className="text-xs">
              Value
            </Label>
            <Input id="add-filter-value" name="value" autoComplete="off" className="h-8" aria-invalid={error ? true : undefined} aria-describedby="add-filter-hint" placeholder={DIMENSION_SPECS[dimension].hint} />
            <p id="add-filter-hint" role={error ? "alert" : undefined} className={error ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
              {error ?? `Expects ${DIMENSION_SPECS[dimension].hint}.`}
            </p>
          </div>
          {/* Include comes first in the DOM so that Enter in the field includes. */}
          <div className="flex flex-row-reverse justify-start gap-2">
            <Button type="submit" name="mode" value="include" size="sm">
              Include
            </Button>
            <Button type="submit" name="mode" value="exclude" variant="outline" size="sm">
              Exclude
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
