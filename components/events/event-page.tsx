"use client";

import { useQuery } from "@tanstack/react-query";
import { eventDetailQuery } from "@/lib/events/query";
import type { TimeZoneChoice } from "@/lib/events/view";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { EventDetail } from "./event-detail";

/** An event's own page: the same detail as the drawer, for links that outlive a session. */
export function EventPage({ gid, tz }: { gid: string; tz: TimeZoneChoice }) {
  const query = useQuery(eventDetailQuery(gid));
  if (query.isPending) return <Skeleton className="h-96" aria-label="Loading the event" />;
  if (query.error) return <ErrorState bordered title="Could not load this event" error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="max-w-3xl rounded-lg border bg-card p-5">
      <EventDetail event={query.data} tz={tz} />
    </div>
  );
}
