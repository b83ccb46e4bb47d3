"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { When } from "@/components/ui/when";
import { DataText } from "@/components/ui/data-text";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import { utcStamp } from "@/lib/format/time";
import { backtestRule } from "@/lib/rules/query";
import type { BacktestInput } from "@/lib/rules/backtest-input";

const DAYS = [7, 30, 90, 365] as const;

/** The value after it has stopped changing for `ms`: a backtest per pause in typing, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * How often the rule as edited would have fired over the stored history: "14 times in 90
 * days, last 3 days ago", and its latest alerts with links to their events and actors.
 */
export function BacktestPanel({ rule, tz }: { rule: BacktestInput["rule"]; tz: string }) {
  const [days, setDays] = useState<number>(90);
  const input = useSettled(JSON.stringify({ rule, days, tz }), 600);
  const query = useQuery({ queryKey: ["rules", "backtest", input], queryFn: ({ signal }) => backtestRule(JSON.parse(input) as BacktestInput, signal), retry: false, staleTime: 60_000 });
  return (
    <section aria-labelledby="backtest-title" className="grid gap-3 rounded-lg border p-4" data-testid="backtest">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="backtest-title" className="text-sm font-semibold">
          Over the stored history
        </h2>
        <div role="group" aria-label="How far back" className="flex gap-1">
          {DAYS.map((d) => (
            <button key={d} type="button" aria-pressed={days === d} onClick={() => setDays(d)} className="rounded-md border px-2 py-0.5 text-xs aria-pressed:bg-primary aria-pressed:text-primary-foreground">
              {d} days
            </button>
          ))}
        </div>
      </div>
      {query.isPending ? (
        <Skeleton className="h-16" aria-label="Testing the rule against the stored events" />
      ) : query.error ? (
        <p role="alert" className="text-sm text-destructive">
          {query.error.message}
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="backtest-summary">
            {query.data.alerts === 0 ? (
              <>Would not have fired in the last {query.data.days} days.</>
            ) : (
              <>
                Would have fired <strong>{query.data.alerts.toLocaleString("en")}</strong> {query.data.alerts === 1 ? "time" : "times"} in the last {query.data.days} days
                {query.data.lastAt ? (
                  <>
                    , last <When iso={query.data.lastAt} />
                  </>
                ) : null}{" "}
                ({query.data.events.toLocaleString("en")} events).
              </>
            )}
          </p>
          {query.data.recent.length > 0 ? (
            <ul className="grid gap-1 text-sm">
              {query.data.recent.map((a) => (
                <li key={`${a.key}:${a.firstAt}`} className="flex flex-wrap items-baseline gap-x-2">
                  <Link href={a.eventsHref} className="underline-offset-2 hover:underline" title={`${utcStamp(a.firstAt)} – ${utcStamp(a.lastAt)}`}>
                    {a.events.toLocaleString("en")} {a.events === 1 ? "event" : "events"}, <When iso={a.lastAt} />
                  </Link>
                  {a.actorHref ? (
                    <Link href={a.actorHref} className="text-xs text-muted-foreground underline-offset-2 hover:underline">
                      <DataText value={a.key} max={80} />
                    </Link>
                  ) : (
                    <span className="text-xs text-muted-foreground">
                      <DataText value={a.key} max={80} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
