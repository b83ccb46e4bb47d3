"use client";

import { useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { MapPinOff } from "lucide-react";
import { EventTime } from "@/components/events/event-time";
import { CountryFlag } from "@/components/geo/country-flag";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataText } from "@/components/ui/data-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { MaybeLink } from "@/components/ui/maybe-link";
import { Skeleton } from "@/components/ui/skeleton";
import type { PlaceUse } from "@/lib/actors/get-actor-places";
import { placeEventsHref } from "@/lib/actors/place-links";
import { actorPlacesQuery } from "@/lib/actors/query";
import type { TimeRange } from "@/lib/events/time-range";
import { formatCount } from "@/lib/format/time";
import { countryName } from "@/lib/geo/country";
import { cn } from "@/lib/utils";

/** Rows shown before "Show all": the countries and networks of one person are few; an integration's are not. */
const SHOWN = 6;

/** The countries and networks the actor's events came from over the page's range, each opening those events in the explorer. */
export function ActorPlaces({ gid, time }: { gid: string; time: TimeRange }) {
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(actorPlacesQuery(gid, time));
  if (isPending) return <Skeleton className="h-64" aria-label="Loading where they were" />;
  if (error) return <ErrorState size="compact" bordered title="Could not read where they were" error={error} onRetry={() => void refetch()} />;
  if (data.events === 0) return <EmptyState size="compact" bordered icon={MapPinOff} title="No addresses" description="None of their events in this range came with a client address." />;
  const known = data.countries.filter((c) => c.country !== null).length;
  const listedNetworks = data.networks.filter((n) => n.asn !== null).length;
  return (
    <div className={cn("grid gap-4 sm:grid-cols-2 xl:grid-cols-1", isPlaceholderData && "opacity-60")} data-testid="actor-places">
      <PlaceList
        title="Countries"
        unknown="Unknown location"
        description={`${formatCount(known)} ${known === 1 ? "country" : "countries"}, most events first`}
        testId="actor-countries"
        rows={data.countries.map((c) => ({
          key: c.country ?? "unknown",
          use: c,
          href: c.country ? placeEventsHref(gid, time, { country: c.country }) : null,
          label: c.country ? (
            <>
              <CountryFlag code={c.country} className="mr-1.5" />
              {countryName(c.country)}
            </>
          ) : null,
        }))}
      />
      <PlaceList
        title="Networks"
        unknown="Unknown network"
        description={`${formatCount(data.networkCount)} ${data.networkCount === 1 ? "network" : "networks"}${data.networkCount > listedNetworks ? `, the ${listedNetworks} with most events` : ", most events first"}`}
        testId="actor-networks"
        rows={data.networks.map((n) => ({
          key: n.asn === null ? "unknown" : String(n.asn),
          use: n,
          href: n.asn !== null ? placeEventsHref(gid, time, { asn: n.asn }) : null,
          label:
            n.asn === null ? null : (
              <>
                <span className="mr-1.5 font-mono text-xs text-muted-foreground">AS{n.asn}</span>
                {n.org ? <DataText value={n.org} max={80} /> : <span className="text-muted-foreground">no name</span>}
              </>
            ),
        }))}
      />
      {data.countedAfter ? (
        <p className="text-xs text-muted-foreground sm:col-span-2 xl:col-span-1">
          Counted over their {formatCount(data.events)} newest events with an address, after <EventTime iso={data.countedAfter} />.
        </p>
      ) : null}
    </div>
  );
}

interface PlaceRow {
  key: string;
  use: PlaceUse;
  href: string | null;
  /** null: the unknown place. */
  label: ReactNode | null;
}

function PlaceList({ title, unknown, description, testId, rows }: { title: string; unknown: string; description: string; testId: string; rows: PlaceRow[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <Card className="min-w-0 gap-2" data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2 text-sm">
          {shown.map(({ key, use, href, label }) => (
            <li key={key} className="flex min-w-0 flex-col" data-testid="place-row">
              <span className="flex min-w-0 items-center gap-1.5">
                <MaybeLink href={href} className="min-w-0 truncate underline-offset-2 hover:underline">
                  {label ?? <span className="text-muted-foreground italic">{unknown}</span>}
                </MaybeLink>
                {use.hostingEvents > 0 ? (
                  <Badge variant="warning" title={`${formatCount(use.hostingEvents)} of these events came from hosting or cloud providers' networks`}>
                    {use.hostingEvents === use.events ? "Hosting" : `${formatCount(use.hostingEvents)} hosting`}
                  </Badge>
                ) : null}
              </span>
              <span className="text-xs text-muted-foreground">
                {formatCount(use.events)} {use.events === 1 ? "event" : "events"} · {formatCount(use.addresses)} {use.addresses === 1 ? "address" : "addresses"}
              </span>
              <span className="text-xs text-muted-foreground">
                first <EventTime iso={use.firstSeen} />
              </span>
              <span className="text-xs text-muted-foreground">
                last <EventTime iso={use.lastSeen} />
              </span>
            </li>
          ))}
        </ul>
        {rows.length > SHOWN ? (
          <Button variant="ghost" size="sm" className="mt-1 px-0 text-xs" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? "Show fewer" : `Show all ${formatCount(rows.length)}`}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
