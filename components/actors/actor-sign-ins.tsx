"use client";

import type { KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { LogIn } from "lucide-react";
import { EventTime } from "@/components/events/event-time";
import { GeoAttribution } from "@/components/geo/geo-attribution";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SignIn } from "@/lib/actors/get-actor-sign-ins";
import { actorSignInsQuery } from "@/lib/actors/query";
import { eventsHref } from "@/lib/events/filter-ops";
import { canFilter, filterOf } from "@/lib/events/filters";
import type { TimeRange } from "@/lib/events/time-range";
import { formatCount, formatDuration } from "@/lib/format/time";
import { cn } from "@/lib/utils";
import { PlaceName } from "@/components/geo/place-name";

const ROW = "[data-sign-in]";
const DAY_MS = 86_400_000;

/** Moves focus to the row `delta` away from the focused one (or the first or last). */
function focusRow(body: HTMLElement, delta: number | "first" | "last") {
  const rows = Array.from(body.querySelectorAll<HTMLElement>(ROW));
  const current = rows.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
  const index = delta === "first" ? 0 : delta === "last" ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, current + delta));
  rows[index]?.focus();
}

/** Days past two days: "9 days" reads better than "216 h 0 min". */
const elapsedText = (ms: number) => (ms >= 2 * DAY_MS ? `${formatCount(Math.round(ms / DAY_MS))} days` : formatDuration(ms / 1000));

/**
 * Their successful sign-ins over the page's range, newest first, each with its place and the
 * trip from the sign-in before: one Tab stop for the rows, ↑/↓ or j/k and Home/End move,
 * Enter opens the sign-in in the explorer; "Load older" appends the next page.
 */
export function ActorSignIns({ gid, time }: { gid: string; time: TimeRange }) {
  const router = useRouter();
  const query = useInfiniteQuery(actorSignInsQuery(gid, time));
  const signInsFilter = filterOf({ time, include: { actor: [gid], eventType: ["user_login_succeeded"] } });
  const hrefOf = (signIn: SignIn) => (canFilter("actor", gid) ? eventsHref(signInsFilter, { event: signIn.gid }) : null);
  if (query.isPending) return <Skeleton className="h-48" aria-label="Loading sign-ins" />;
  if (query.error && !query.data) return <ErrorState size="compact" bordered title="Could not read their sign-ins" error={query.error} onRetry={() => void query.refetch()} />;
  const signIns = query.data.pages.flatMap((p) => p.signIns);
  const { maxSpeedKmh, allowanceKm } = query.data.pages[0]!;
  if (signIns.length === 0) return <EmptyState size="compact" bordered icon={LogIn} title="No sign-ins" description="They did not sign in successfully in this time range." />;
  const impossible = signIns.filter((s) => s.leg?.impossible).length;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const moves: Record<string, number | "first" | "last"> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, Home: "first", End: "last" };
    const row = (event.target as HTMLElement).closest<HTMLElement>(ROW);
    if (event.key in moves) {
      event.preventDefault();
      focusRow(event.currentTarget, moves[event.key]!);
    } else if (event.key === "Enter" && row === event.target && row.dataset.href) {
      event.preventDefault();
      router.push(row.dataset.href);
    }
  };

  return (
    <div className="flex flex-col gap-2" data-testid="actor-sign-ins">
      <p className="text-xs text-muted-foreground">
        {impossible > 0 ? <strong className="font-semibold text-destructive">{formatCount(impossible)} impossible {impossible === 1 ? "trip" : "trips"} shown. </strong> : null}
        Distance is the great circle between the two places less {allowanceKm} km at each end (a city-level location may be anywhere in its city); faster than {formatCount(maxSpeedKmh)} km/h is
        impossible travel. A sign-in from an unknown place is skipped: the next trip starts from the last known one.{" "}
        {canFilter("actor", gid) ? (
          <Link href={eventsHref(signInsFilter)} className="text-primary underline-offset-2 hover:underline">
            Open them in the explorer
          </Link>
        ) : null}
      </p>
      <Table className={cn("min-w-[56rem]", query.isPlaceholderData && "opacity-60")} containerClassName="max-h-[30rem] rounded-lg border" aria-label="Sign-ins">
        <TableHeader sticky>
          <TableRow>
            <TableHead className="w-32" aria-sort="descending">
              Signed in
            </TableHead>
            <TableHead className="min-w-56">Place</TableHead>
            <TableHead>Address</TableHead>
            <TableHead className="min-w-40">From</TableHead>
            <TableHead className="text-right">Distance</TableHead>
            <TableHead className="text-right">Time between</TableHead>
            <TableHead className="text-right">Speed</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody onKeyDown={onKeyDown}>
          {signIns.map((signIn, i) => {
            const href = hrefOf(signIn);
            const leg = signIn.leg;
            return (
              <TableRow
                key={signIn.gid}
                data-sign-in={signIn.gid}
                data-href={href ?? undefined}
                data-impossible={leg?.impossible || undefined}
                tabIndex={i === 0 ? 0 : -1}
                className={cn("outline-none focus-visible:bg-accent focus-visible:shadow-[inset_3px_0_0_var(--ring)]", leg?.impossible && "bg-destructive/5 shadow-[inset_3px_0_0_var(--destructive)]")}
              >
                <TableCell className="font-mono text-xs">
                  {href ? (
                    <Link href={href} tabIndex={-1} className="underline-offset-2 hover:underline">
                      <EventTime iso={signIn.at} stacked />
                    </Link>
                  ) : (
                    <EventTime iso={signIn.at} stacked />
                  )}
                </TableCell>
                <TableCell className="max-w-80 whitespace-normal">
                  <PlaceName place={signIn.place} network />
                </TableCell>
                <TableCell className="font-mono text-xs">{signIn.ip ?? <span className="text-muted-foreground">none</span>}</TableCell>
                <TableCell className="max-w-56 whitespace-normal text-muted-foreground">
                  {leg ? <PlaceName place={leg.from} /> : <span title="No earlier sign-in from a known place">—</span>}
                </TableCell>
                <TableCell className="text-right">{leg ? `${formatCount(Math.round(leg.distanceKm))} km` : "—"}</TableCell>
                <TableCell className="text-right">{leg ? elapsedText(leg.elapsedMs) : "—"}</TableCell>
                <TableCell className="text-right">
                  {leg ? (
                    <span className="inline-flex flex-col items-end gap-0.5">
                      {`${formatCount(Math.round(leg.speedKmh))} km/h`}
                      {leg.impossible ? (
                        <Badge variant="destructive" data-testid="impossible-travel">
                          Impossible travel
                        </Badge>
                      ) : null}
                    </span>
                  ) : (
                    "—"
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {query.hasNextPage ? (
        <Button variant="outline" size="sm" className="self-center" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Load older sign-ins"}
        </Button>
      ) : null}
      <GeoAttribution />
    </div>
  );
}
