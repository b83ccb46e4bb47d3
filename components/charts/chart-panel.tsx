"use client";

import * as React from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { BarChart3, Table2 } from "lucide-react";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { PanelErrorBoundary } from "./panel-error-boundary";

type View = "chart" | "table";

interface ChartPanelProps<T> {
  title: React.ReactNode;
  description?: React.ReactNode;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  chart: (data: T) => React.ReactNode;
  /** The same figures as a table, each row a link: for people who would rather read than look. */
  table: (data: T) => React.ReactNode;
  /** Extra controls beside the chart/table switch. */
  actions?: React.ReactNode;
  footer?: (data: T) => React.ReactNode;
  className?: string;
  /** Height of the chart area (and of its skeleton), so the page does not jump as panels load. */
  height?: number;
  testId?: string;
}

/**
 * One overview panel: its own query, its own loading, empty and error states, its own error
 * boundary, and a chart/table switch. Which view shows is a passing preference of this
 * panel, not page state worth a URL.
 */
export function ChartPanel<T>({ title, description, query, isEmpty, emptyTitle, emptyDescription, chart, table, actions, footer, className, height = 240, testId }: ChartPanelProps<T>) {
  const [view, setView] = React.useState<View>("chart");
  const { data, error, isPending, isPlaceholderData, refetch } = query;
  return (
    <Card className={cn("min-w-0", className)} data-testid={testId} aria-busy={isPending || isPlaceholderData}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
        <CardAction className="flex items-center gap-2">
          {actions}
          <div role="group" aria-label="Show as" className="inline-flex h-7 items-center rounded-md border bg-background p-0.5 dark:bg-input/20">
            {(["chart", "table"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                aria-label={v === "chart" ? "Show as chart" : "Show as table"}
                title={v === "chart" ? "Chart" : "Table"}
                onClick={() => setView(v)}
                className={cn(
                  "inline-flex h-full items-center rounded-sm px-1.5 outline-none focus-visible:ring-2 focus-visible:ring-ring/50",
                  view === v ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
                )}
              >
                {v === "chart" ? <BarChart3 className="size-3.5" /> : <Table2 className="size-3.5" />}
              </button>
            ))}
          </div>
        </CardAction>
      </CardHeader>
      <CardContent className={cn("transition-opacity", isPlaceholderData && "opacity-60")}>
        <PanelErrorBoundary>
          {isPending ? (
            <Skeleton style={{ height }} aria-label="Loading" />
          ) : error && !data ? (
            <ErrorState size="compact" error={error} onRetry={() => void refetch()} style={{ minHeight: height }} />
          ) : isEmpty(data!) ? (
            <EmptyState size="compact" title={emptyTitle ?? "No events"} description={emptyDescription ?? "Nothing matches the filters in this time range."} style={{ minHeight: height }} />
          ) : view === "chart" ? (
            <div style={{ minHeight: height }}>{chart(data!)}</div>
          ) : (
            <div className="max-h-[28rem] overflow-auto">{table(data!)}</div>
          )}
        </PanelErrorBoundary>
        {data && !isPending && footer ? footer(data) : null}
      </CardContent>
    </Card>
  );
}
