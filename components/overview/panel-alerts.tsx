"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowUpRight, BellOff } from "lucide-react";
import { SeverityBadge } from "@/components/alerts/inbox/badges";
import { PanelErrorBoundary } from "@/components/charts/panel-error-boundary";
import { EventTime } from "@/components/events/event-time";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataText } from "@/components/ui/data-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import { alertSummaryQuery } from "@/lib/alerts/query";
import { alertInboxSearch } from "@/lib/alerts/search-params";
import { SEVERITIES_DESC, SEVERITY_LABELS } from "@/lib/alerts/vocabulary";
import type { TimeZoneChoice } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { cn } from "@/lib/utils";

/**
 * Open alerts on the overview: how many of each severity and the latest few, each a link into
 * the inbox. Not under the page's filter: an open alert matters whatever range is looked at.
 */
export function PanelAlerts({ tz }: { tz: TimeZoneChoice }) {
  const query = useQuery(alertSummaryQuery());
  const inbox = (values: Parameters<typeof alertInboxSearch.search>[0]) => `/alerts${alertInboxSearch.search({ tz, ...values })}`;
  return (
    <Card className="min-w-0" data-testid="panel-alerts" aria-busy={query.isPending}>
      <CardHeader>
        <CardTitle>Alerts</CardTitle>
        <CardDescription>Open alerts of the detection rules, by severity, and the latest.</CardDescription>
        <CardAction>
          <Link href={inbox({})} className="inline-flex items-center gap-1 text-sm text-primary underline-offset-2 hover:underline">
            Open the inbox
            <ArrowUpRight className="size-3.5" aria-hidden />
          </Link>
        </CardAction>
      </CardHeader>
      <CardContent>
        <PanelErrorBoundary>
          {query.isPending ? (
            <Skeleton className="h-32" aria-label="Loading alerts" />
          ) : query.error && !query.data ? (
            <ErrorState size="compact" title="Couldn't count the alerts" error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <ul className="grid grid-cols-2 content-start gap-2 sm:grid-cols-4 lg:grid-cols-2" aria-label="Open alerts by severity">
                {SEVERITIES_DESC.map((severity) => {
                  const n = query.data.openBySeverity[severity];
                  return (
                    <li key={severity}>
                      <Link
                        href={inbox({ severity: [severity] })}
                        className="flex flex-col gap-0.5 rounded-lg border bg-card px-3 py-2 outline-none hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring/50"
                        data-testid={`alerts-${severity}`}
                      >
                        <span className="text-xs font-medium text-muted-foreground">{SEVERITY_LABELS[severity]}</span>
                        <span className={cn("text-2xl font-semibold tabular-nums", n === 0 && "text-muted-foreground")}>{formatCount(n)}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
              {query.data.latest.length === 0 ? (
                <EmptyState size="compact" icon={BellOff} title="No open alerts" description="The rules found nothing that is still open." />
              ) : (
                <ol className="flex flex-col divide-y rounded-lg border" aria-label="Latest open alerts">
                  {query.data.latest.map((alert) => (
                    <li key={alert.id}>
                      <Link href={inbox({ alert: alert.id })} className="flex items-center gap-2 px-3 py-2 text-sm outline-none hover:bg-accent/40 focus-visible:bg-accent">
                        <SeverityBadge severity={alert.severity} />
                        <span className="min-w-0 flex-1 truncate">
                          <DataText value={alert.title} max={160} fullLength={alert.titleLength ?? undefined} />
                        </span>
                        <EventTime iso={alert.lastAt} tz={tz} className="shrink-0 font-mono text-xs text-muted-foreground" />
                      </Link>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
        </PanelErrorBoundary>
      </CardContent>
    </Card>
  );
}
