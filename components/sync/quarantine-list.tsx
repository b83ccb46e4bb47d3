"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, utcStamp } from "@/lib/format/time";
import { DataText } from "@/components/ui/data-text";
import { quarantineQuery } from "@/components/sync/query";

/** Upstream records the sync could not store as events, kept aside with the reason. */
export function QuarantineList() {
  const { data, error, isPending, refetch } = useQuery(quarantineQuery());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Quarantined records</CardTitle>
        <CardDescription>Records from Asana that did not have the shape of an audit event, or that PostgreSQL refused to store (its reason is given). They are kept here as Asana sent them, never dropped; the sync goes on without them.</CardDescription>
      </CardHeader>
      <CardContent>
        {isPending ? (
          <Skeleton className="h-24" />
        ) : error ? (
          <ErrorState size="compact" error={error} onRetry={() => void refetch()} />
        ) : data.length === 0 ? (
          <EmptyState size="compact" icon={ShieldCheck} title="Nothing quarantined" description="Every record received so far was a well-formed event." />
        ) : (
          <ul className="divide-y">
            {data.map((q) => (
              <li key={q.id} className="flex flex-col gap-1 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
                    <DataText value={q.reason} max={1_000} />
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {utcStamp(q.receivedAt)} · workspace{" "}
                    <span className="font-mono">
                      <DataText value={q.workspaceGid} max={40} />
                    </span>
                  </span>
                </div>
                <pre className="max-h-32 overflow-auto rounded-md bg-muted p-2 font-mono text-xs">
                  <DataText value={q.payload} max={5_000} keepLines />
                  {q.payloadLength ? <span className="text-muted-foreground">{` (the first ${formatCount(q.payload.length)} of ${formatCount(q.payloadLength)} characters)`}</span> : null}
                </pre>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
