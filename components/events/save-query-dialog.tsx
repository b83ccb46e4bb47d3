"use client";

import { useState } from "react";
import { Bookmark, Check } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { savedQueryLink, useCreateSavedQuery } from "@/lib/saved-queries/query";
import type { SavedQueryView } from "@/lib/saved-queries/schema";
import { timeRangeLabel } from "@/components/filters/condition-label";
import { SavedQueryForm } from "@/components/saved/saved-query-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { CopyButton } from "./event-detail";
import { resolveTimeRange } from "@/lib/events/time-range";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";

/** Saves the current view (filter, columns, order, zone) under a name, and hands back its short link. */
export function SaveQueryDialog({ filter, search }: { filter: EventFilter; search: string }) {
  const [open, setOpen] = useState(false);
  const save = useCreateSavedQuery();
  const saved: SavedQueryView | undefined = save.data;
  const link = saved && typeof window !== "undefined" ? savedQueryLink(saved.id, window.location.origin) : "";
  const zone = useZone(useZoneChoice()) ?? "UTC";
  // What freezing keeps: the instants the range covers now (the dialog opens in the browser, after hydration).
  const frozenLabel = () => {
    const now = new Date();
    const { from, to } = resolveTimeRange(filter.time, now);
    return timeRangeLabel({ kind: "absolute", from: from?.toISOString() ?? null, to: (to ?? now).toISOString() }, zone);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), !next && save.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Bookmark />
          Save query
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{saved ? "Query saved" : "Save this view"}</DialogTitle>
          <DialogDescription>{saved ? "Anyone signed in to the dashboard can open it with this link." : "Filters, columns, order and time zone are kept. Every admin sees it under Saved queries."}</DialogDescription>
        </DialogHeader>
        {saved ? (
          <div className="flex flex-col gap-2">
            <div className="flex items-center gap-2">
              <Input readOnly value={link} aria-label="Short link" className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={link} what="Link" label="Copy link" />
            </div>
            <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <Check className="size-3.5 text-success" aria-hidden />
              {saved.timeMode === "absolute" ? "Frozen: it always shows the events of the instants it covered when saved." : `Rolling: it shows “${timeRangeLabel(filter.time)}” from whenever it is opened, so later events later.`}
            </p>
          </div>
        ) : (
          <SavedQueryForm
            id="save-query"
            initial={{ name: "", note: null, timeMode: filter.time.kind === "relative" ? null : "absolute" }}
            relativeLabel={timeRangeLabel(filter.time)}
            frozenLabel={open ? frozenLabel() : undefined}
            canStayRelative={filter.time.kind === "relative"}
            error={save.error?.message}
            onSubmit={(fields) => save.mutate({ ...fields, search })}
          />
        )}
        <DialogFooter>
          {saved ? (
            <Button onClick={() => setOpen(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" form="save-query" disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save"}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
