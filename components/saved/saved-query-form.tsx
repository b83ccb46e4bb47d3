"use client";

import { useState, type FormEvent } from "react";
import { Label } from "@/components/ui/label";
import { Input } from "@/components/ui/input";
import type { TimeMode } from "@/lib/saved-queries/schema";

export interface SavedQueryFields {
  name: string;
  note: string | null;
  timeMode: TimeMode;
}

/** A new query has no time mode until the reader picks one: the choice is made on purpose. */
type Initial = Omit<SavedQueryFields, "timeMode"> & { timeMode: TimeMode | null };

/**
 * Name, note and time mode of a saved query: the one form behind "Save query" in the
 * explorer and "Edit" in the list. `relativeLabel` names the range that stays rolling,
 * `frozenLabel` the instants a frozen one keeps (when known).
 */
export function SavedQueryForm({
  id,
  initial,
  relativeLabel,
  frozenLabel,
  canStayRelative,
  onSubmit,
  error,
}: {
  id: string;
  initial: Initial;
  relativeLabel: string;
  frozenLabel?: string;
  /** False when the view's range is already absolute: there is nothing left to keep rolling. */
  canStayRelative: boolean;
  onSubmit: (fields: SavedQueryFields) => void;
  error?: string | null;
}) {
  const [unchosen, setUnchosen] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const mode = data.get("timeMode");
    if (mode !== "absolute" && mode !== "relative") return setUnchosen(true);
    onSubmit({
      name: String(data.get("name") ?? ""),
      note: String(data.get("note") ?? "") || null,
      timeMode: mode,
    });
  };
  return (
    <form id={id} onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-name`}>Name</Label>
        <Input id={`${id}-name`} name="name" required maxLength={120} defaultValue={initial.name} placeholder="e.g. Admin setting changes, last 30 days" autoFocus />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-note`}>Note</Label>
        <textarea
          id={`${id}-note`}
          name="note"
          maxLength={2000}
          rows={3}
          defaultValue={initial.note ?? ""}
          placeholder="Why this view matters, what to look for"
          className="min-h-16 rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 dark:bg-input/20"
        />
      </div>
      <fieldset className="grid gap-2" onChange={() => setUnchosen(false)}>
        <legend className="mb-1.5 text-sm font-medium">Time range when opened later</legend>
        <label className="flex items-start gap-2 text-sm has-disabled:opacity-50">
          <input type="radio" name="timeMode" value="relative" defaultChecked={initial.timeMode === "relative" && canStayRelative} disabled={!canStayRelative} className="mt-0.5 accent-(--primary)" />
          <span>
            Rolling <span className="text-muted-foreground">— “{relativeLabel}”, moves with time: opened later, it shows later events</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="timeMode" value="absolute" defaultChecked={initial.timeMode === "absolute" || !canStayRelative} className="mt-0.5 accent-(--primary)" />
          <span>
            Frozen <span className="text-muted-foreground">— {frozenLabel ?? "the exact times it covers now"}: always the same events, for everyone</span>
          </span>
        </label>
      </fieldset>
      {unchosen ? (
        <p role="alert" className="text-sm text-destructive">
          Choose a rolling or a frozen time range.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
