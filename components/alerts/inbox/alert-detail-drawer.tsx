"use client";

import { useQuery } from "@tanstack/react-query";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { alertDetailQuery } from "@/lib/alerts/query";
import type { TimeZoneChoice } from "@/lib/events/view";
import { AlertDetail } from "./alert-detail";

/**
 * The detail of the alert named by the URL's `alert` (`/alerts?alert=12`: the link every
 * notification carries), over the list. Esc or the cross closes it; focus goes back to its row.
 */
export function AlertDetailDrawer({ id, tz, onClose }: { id: string | null; tz: TimeZoneChoice; onClose: () => void }) {
  const query = useQuery({ ...alertDetailQuery(id ?? ""), enabled: id !== null });
  return (
    <Sheet open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        className="sm:max-w-2xl"
        aria-describedby={undefined}
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          (event.currentTarget as HTMLElement | null)?.focus();
        }}
        onCloseAutoFocus={(event) => {
          const row = id ? document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(id)}"]`) : null;
          if (row) {
            event.preventDefault();
            row.focus();
          }
        }}
        data-testid="alert-detail"
      >
        <SheetHeader>
          <SheetTitle>Alert {id}</SheetTitle>
          <SheetDescription>Esc: close</SheetDescription>
        </SheetHeader>
        <SheetBody>
          {query.isPending ? (
            <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the alert">
              <Skeleton className="h-6 w-3/4" />
              <Skeleton className="h-24" />
              <Skeleton className="h-48" />
            </div>
          ) : query.error ? (
            <ErrorState title="Couldn't load this alert" error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <AlertDetail alert={query.data} tz={tz} />
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
