"use client";

import { Link } from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import type { UsedKind, UsedValue } from "@/lib/actors/get-actor-profile";
import { actorIdentityQuery, actorProfileQuery } from "@/lib/actors/query";
import { canFilter, filterOf, type Dimension } from "@/lib/events/filters";
import { formatCount } from "@/lib/format/time";
import { eventsHref } from "@/lib/events/filter-ops";
import { actorTypeName } from "@/components/charts/chart-colors";
import { EventTime } from "@/components/events/event-time";
import { Badge } from "@/components/ui/badge";
import { DataText } from "@/components/ui/data-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { IdentityCard } from "@/components/timeline/identity-card";
import { Skeleton } from "@/components/ui/skeleton";
import { resourceHref } from "@/components/links/entity-links";

const USED: Record<UsedKind, { title: string; dimension: Dimension | null; mono?: boolean }> = {
  ip: { title: "IP addresses", dimension: "ip", mono: true },
  userAgent: { title: "User agents", dimension: null },
  authMethod: { title: "Auth methods", dimension: "authMethod" },
  oauthApp: { title: "OAuth apps", dimension: "oauthApp" },
};
const SHOWN = 6;

/** Who the actor is: identity, first and last seen, and how many events over all time. */
export function ActorIdentity({ gid }: { gid: string }) {
  const { data, error, isPending, refetch } = useQuery(actorIdentityQuery(gid));
  if (isPending) return <Skeleton className="h-24" aria-label="Loading the actor" />;
  if (error) return <ErrorState size="compact" bordered error={error} onRetry={() => void refetch()} />;
  const allTime = filterOf({ time: { kind: "relative", last: "all" }, include: { actor: [gid] } });
  return (
    <IdentityCard
      label="Who they are"
      testId="actor-identity"
      title={data.name ?? data.email ?? actorTypeName(data.actorType)}
      badge={
        <Badge variant={data.actorType === "user" ? "outline" : "warning"} className="max-w-48">
          <span className="truncate">{actorTypeName(data.actorType)}</span>
        </Badge>
      }
      detail={data.email}
      gid={data.gid ?? data.key}
      firstLabel="First seen"
      lastLabel="Last seen"
      firstSeen={data.firstSeen}
      lastSeen={data.lastSeen}
      eventCount={data.eventCount}
      eventsHref={eventsHref(allTime)}
      extra={
        // Only users (who have a gid) are ever the resource of an event; Asana gives the others none.
        data.gid === null
          ? { term: "Asana gid", value: <span className="text-muted-foreground">none (not a user)</span> }
          : {
              term: "Events about them",
              value: (
                <Link href={resourceHref(data.gid, filterOf({ time: { kind: "relative", last: "all" } }))} className="text-primary underline-offset-2 hover:underline">
                  As a resource
                </Link>
              ),
            }
      }
    />
  );
}

function UsedList({ gid, kind, values, total }: { gid: string; kind: UsedKind; values: UsedValue[]; total: number }) {
  const spec = USED[kind];
  const newest = [...values].sort((a, b) => b.firstSeen.localeCompare(a.firstSeen));
  const linkable = (v: UsedValue) => spec.dimension !== null && !v.cut && canFilter(spec.dimension, v.value) && canFilter("actor", gid);
  return (
    <Card className="min-w-0 gap-2">
      <CardHeader>
        <CardTitle>{spec.title}</CardTitle>
        <CardDescription>{total === 0 ? "None in their events" : `${formatCount(total)}, newest first`}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-1.5 text-sm">
          {newest.slice(0, SHOWN).map((v, i) => (
            <li key={`${i}:${v.value}`} className="flex min-w-0 flex-col">
              {spec.dimension && linkable(v) ? (
                <Link
                  href={eventsHref(filterOf({ time: { kind: "relative", last: "all" }, include: { actor: [gid], [spec.dimension]: [v.value] } }))}
                  className={`truncate underline-offset-2 hover:underline ${spec.mono ? "font-mono text-xs" : ""}`}
                >
                  <DataText value={v.value} max={200} />
                </Link>
              ) : (
                <span className="truncate text-xs">
                  <DataText value={v.value} max={200} cut={v.cut} />
                </span>
              )}
              <span className="text-xs text-muted-foreground">
                first <EventTime iso={v.firstSeen} /> · {formatCount(v.count)} {v.count === 1 ? "event" : "events"}
              </span>
            </li>
          ))}
          {total > SHOWN ? <li className="text-xs text-muted-foreground">and {formatCount(total - SHOWN)} more</li> : null}
        </ul>
      </CardContent>
    </Card>
  );
}

/** What they used, each with when it was first seen: the context of every "new" marker. */
export function ActorUsed({ gid }: { gid: string }) {
  const { data, error, isPending, refetch } = useQuery(actorProfileQuery(gid));
  if (isPending) return <Skeleton className="h-48" aria-label="Loading what they used" />;
  if (error) return <ErrorState size="compact" bordered title="Could not read what they used" error={error} onRetry={() => void refetch()} />;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1" data-testid="actor-used">
      {(Object.keys(USED) as UsedKind[]).map((kind) => (
        <UsedList key={kind} gid={gid} kind={kind} values={data.used[kind]} total={data.usedCount[kind]} />
      ))}
    </div>
  );
}
