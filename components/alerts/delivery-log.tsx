"use client";

import { useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DataText } from "@/components/ui/data-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CHANNEL_KIND_LABELS } from "@/lib/detections/notify/channel-schema";
import { DELIVERY_BADGE } from "./channels/channel-list";
import { deliveriesQuery } from "./channels/query";
import { When } from "@/components/ui/when";

/**
 * Where one alert was sent and how that went: each channel, its status, the attempts, the last
 * answer and when it was sent (or is tried next). Refreshes itself while a delivery is retrying.
 */
export function DeliveryLog({ alertId }: { alertId: string }) {
  const query = useQuery(deliveriesQuery(alertId));
  if (query.isPending) return <Skeleton className="h-24" aria-label="Loading the delivery log" />;
  if (query.error) return <ErrorState size="compact" title="Couldn't load the delivery log" error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <EmptyState
        size="compact"
        icon={Send}
        title="Not sent anywhere"
        description="No enabled channel took this alert's severity and rule when it was raised."
        action={
          <Link href="/alerts/channels" className="text-sm underline underline-offset-2">
            Alert channels
          </Link>
        }
      />
    );
  }
  return (
    <Table containerClassName="rounded-lg border" aria-label="Deliveries of this alert">
      <TableHeader>
        <TableRow>
          <TableHead>Channel</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Attempts</TableHead>
          <TableHead>Last answer</TableHead>
          <TableHead>Sent</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {query.data.map((d) => (
          <TableRow key={d.id} className="align-top" data-testid="delivery-row">
            <TableCell className="max-w-48 whitespace-normal">
              <DataText value={d.channelName} max={80} /> <span className="text-xs text-muted-foreground">· {CHANNEL_KIND_LABELS[d.channelKind]}</span>
            </TableCell>
            <TableCell>
              <Badge variant={d.status === "pending" && d.attempts === 0 ? "outline" : DELIVERY_BADGE[d.status].variant}>{d.status === "pending" && d.attempts === 0 ? "queued" : DELIVERY_BADGE[d.status].label}</Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
            <TableCell className="max-w-72 text-xs whitespace-normal [overflow-wrap:anywhere]">
              {d.lastStatus !== null ? <span className="font-mono">{d.lastStatus}</span> : null}
              {d.lastError ? (
                <span className="text-muted-foreground">
                  {" "}
                  <DataText value={d.lastError} max={300} />
                </span>
              ) : null}
              {d.lastStatus === null && !d.lastError ? <span className="text-muted-foreground">—</span> : null}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              {d.sentAt ? (
                <When iso={d.sentAt} />
              ) : d.nextAttemptAt ? (
                <span className="text-muted-foreground">
                  next try <When iso={d.nextAttemptAt} />
                </span>
              ) : (
                <span className="text-muted-foreground">not sent</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
