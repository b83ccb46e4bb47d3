"use client";

import type { MouseEvent, ReactNode } from "react";
import { canFilter, type Condition, type Dimension } from "@/lib/events/filters";
import { visibleText } from "@/lib/format/visible-text";
import { cn } from "@/lib/utils";
import { dimensionLabel } from "./condition-label";

/**
 * A value in a table cell that becomes a filter when clicked: a click keeps only events with
 * it, Shift- or Alt-click leaves them out. It is a real button, so the keyboard gets the same
 * (Shift+Enter excludes). A value no filter can name (a made-up category, a 300-character
 * name) is shown the same way, but is not a button: its filter would be refused.
 */
export function FilterValue({
  dimension,
  value,
  onFilter,
  children,
  className,
  label,
  note,
}: {
  dimension: Dimension;
  value: string;
  onFilter: (condition: Condition) => void;
  children: ReactNode;
  className?: string;
  /** How the value reads in the button's accessible name, when the text shown is shorter. */
  label?: string;
  /** More about the value for its tooltip (an address's network beside its place). */
  note?: string;
}) {
  const classes = cn("max-w-full truncate rounded-sm text-left underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring/50", className);
  if (!canFilter(dimension, value)) return <span className={cn(classes, "hover:no-underline")} title={note}>{children}</span>;
  const click = (event: MouseEvent) => {
    event.stopPropagation();
    onFilter({ dimension, value, exclude: event.shiftKey || event.altKey });
  };
  return (
    <button
      type="button"
      onClick={click}
      title={`Filter: ${dimensionLabel(dimension)} is ${visibleText(label ?? value, 200)} (Shift-click to exclude)${note ? `\n${note}` : ""}`}
      className={classes}
    >
      {children}
    </button>
  );
}
