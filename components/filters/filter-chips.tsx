"use client";

import { Ban, X } from "lucide-react";
import { conditionsOf, type Condition, type EventFilter } from "@/lib/events/filters";
import { exprToText } from "@/lib/events/query-text";
import { visibleText } from "@/lib/format/visible-text";
import { cn } from "@/lib/utils";
import { DataText } from "@/components/ui/data-text";
import { useKnownNames, type NameBook } from "@/components/links/query";
import { dimensionLabel, valueLabel } from "./condition-label";

/** An actor or resource chip reads its last known name, its key or gid then in the tooltip. */
function knownName(names: NameBook, c: Condition): string | undefined {
  if (c.dimension === "actor") {
    const a = names.actor(c.value);
    return a ? (a.name ?? a.email ?? undefined) : undefined;
  }
  return c.dimension === "resource" ? names.resource(c.value)?.name : undefined;
}

/**
 * The filter's conditions as chips: the label flips a condition between "is" and "is not",
 * the cross removes it. Everything here writes the URL; nothing is kept on the side.
 */
export function FilterChips({
  filter,
  onChange,
  onClear,
  onRemoveExpression,
}: {
  filter: EventFilter;
  onChange: (remove: Condition, add?: Condition) => void;
  onClear: () => void;
  /** Drops the filter's boolean expression (the part only the query bar can say). */
  onRemoveExpression: () => void;
}) {
  const conditions = conditionsOf(filter);
  const names = useKnownNames(
    conditions.filter((c) => c.dimension === "actor").map((c) => c.value),
    conditions.filter((c) => c.dimension === "resource").map((c) => c.value),
  );
  if (conditions.length === 0 && !filter.expression) return null;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label="Active filters">
      {conditions.map((c) => {
        const name = knownName(names, c);
        return (
        <li
          key={`${c.exclude ? "-" : ""}${c.dimension}:${c.value}`}
          className={cn(
            // One line whatever the value: the value is cut with an ellipsis and the whole chip is its tooltip.
            "inline-flex max-w-[min(20rem,100%)] items-center overflow-hidden rounded-md border text-xs leading-6 whitespace-nowrap",
            c.exclude ? "border-destructive/30 bg-destructive/5" : "border-primary/25 bg-primary/5",
          )}
        >
          <button
            type="button"
            className="flex min-w-0 items-center gap-1 px-2 outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50"
            title={`${dimensionLabel(c.dimension)} ${c.exclude ? "is not" : "is"} ${visibleText(name ?? valueLabel(c.dimension, c.value), 500)}${name === undefined ? "" : ` (${visibleText(c.value, 200)})`} · click to ${c.exclude ? "include" : "exclude"} instead`}
            data-testid="filter-chip"
            onClick={() => onChange(c, { ...c, exclude: !c.exclude })}
          >
            {c.exclude ? <Ban className="size-3 shrink-0 text-destructive" aria-hidden /> : null}
            <span className="shrink-0 text-muted-foreground">{dimensionLabel(c.dimension)}</span>{" "}
            <span className="shrink-0 text-muted-foreground">{c.exclude ? "is not" : "is"}</span>{" "}
            <span className="min-w-0 truncate font-medium">
              <DataText value={name ?? valueLabel(c.dimension, c.value)} max={200} className="[overflow-wrap:normal]" />
            </span>
          </button>
          <button
            type="button"
            className="flex h-6 w-6 shrink-0 items-center justify-center border-l text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50"
            aria-label={`Remove filter ${dimensionLabel(c.dimension)} ${c.exclude ? "is not" : "is"} ${visibleText(c.value, 200)}`}
            onClick={() => onChange(c)}
          >
            <X className="size-3" />
          </button>
        </li>
        );
      })}
      {filter.expression ? <ExpressionChip text={exprToText(filter.expression)} onRemove={onRemoveExpression} /> : null}
      <li>
        <button type="button" onClick={onClear} className="rounded-sm px-1.5 text-xs text-muted-foreground underline-offset-2 outline-none hover:text-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring/50">
          Clear all
        </button>
      </li>
    </ul>
  );
}

/** The expression as one chip: it is edited in the query bar, and can be removed here. */
function ExpressionChip({ text, onRemove }: { text: string; onRemove: () => void }) {
  return (
    <li className="inline-flex max-w-[32rem] items-center overflow-hidden rounded-md border border-primary/25 bg-primary/5 text-xs leading-6" title={text}>
      <span className="flex min-w-0 items-center gap-1 px-2">
        <span className="text-muted-foreground">Query</span>
        <code className="truncate font-mono font-medium">
          <DataText value={text} max={300} />
        </code>
      </span>
      <button
        type="button"
        className="flex h-6 w-6 shrink-0 items-center justify-center border-l text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50"
        aria-label={`Remove filter query ${visibleText(text, 200)}`}
        onClick={onRemove}
      >
        <X className="size-3" />
      </button>
    </li>
  );
}
