"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { eventDetailQuery } from "@/lib/events/query";
import type { TimeZoneChoice } from "@/lib/events/view";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { CopyButton, EventDetail } from "./event-detail";
import { ROW_SELECTOR } from "./event-table";

/**
 * The detail of the event named by the URL's `event`, over the table. Esc or the cross
 * closes it (focus goes back to the row), j/k step to the next or previous row's event.
 */
export function EventDetailDrawer({ gid, tz, search, onClose }: { gid: string | null; tz: TimeZoneChoice; search: string; onClose: () => void }) {
  const query = useQuery({ ...eventDetailQuery(gid ?? ""), enabled: gid !== null });
  const permalink = gid ? `/events/${encodeURIComponent(gid)}${search}` : "";
  // The row to return focus to once closed: by then `gid` is already null.
  const [lastGid, setLastGid] = useState(gid);
  if (gid && gid !== lastGid) setLastGid(gid);
  return (
    <Sheet open={gid !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        className="sm:max-w-2xl"
        aria-describedby={undefined}
        onOpenAutoFocus={(event) => {
          // The panel itself takes focus (Esc, j/k work at once) rather than its first button.
          event.preventDefault();
          (event.currentTarget as HTMLElement | null)?.focus();
        }}
        onCloseAutoFocus={(event) => {
          // Back to the row the detail was opened from, so j/k carry on from there.
          const last = lastGid;
          const row = last ? document.querySelector<HTMLElement>(`${ROW_SELECTOR}[data-gid="${CSS.escape(last)}"]`) : null;
          if (row) {
            event.preventDefault();
            row.focus();
          }
        }}
      >
        <SheetHeader>
          <SheetTitle>Event {gid}</SheetTitle>
          <SheetDescription className="flex flex-wrap items-center gap-2">
            <span>j / k: next or previous event · Esc: close</span>
          </SheetDescription>
          <div className="flex flex-wrap gap-2 pt-1">
            {gid ? <CopyButton text={permalink} what="Link" label="Copy link" /> : null}
            <Button variant="outline" size="xs" asChild>
              <Link href={permalink}>
                <ExternalLink />
                Open on its own page
              </Link>
            </Button>
          </div>
        </SheetHeader>
        <SheetBody>
          {query.isPending ? (
            <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the event">
              <Skeleton className="h-6 w-3/4" />
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-40" />
              <Skeleton className="h-64" />
            </div>
          ) : query.error ? (
            <ErrorState title="Could not load this event" error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <EventDetail event={query.data} tz={tz} />
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
