"use client";

import type { EventRow } from "@/lib/events/event-row";
import type { Condition } from "@/lib/events/filters";
import { isPlaced, networkText, placeCountry, type EventPlace, type PlaceText } from "@/lib/events/place";
import { visibleText } from "@/lib/format/visible-text";
import { FilterValue } from "@/components/filters/filter-value";
import { CountryFlag } from "@/components/geo/country-flag";
import { DataText } from "@/components/ui/data-text";
import { cn } from "@/lib/utils";

/**
 * Where an event's address is, in the explorer's rows: a flag and a place beside the address,
 * the network on hover, a badge for a hosting provider's network; and the Country and Network
 * columns. Every stored part goes through DataText: ip_location is data like any other.
 */
type OnFilter = (condition: Condition) => void;

const PART_MAX = 80;
const Part = ({ place, field, value }: { place: EventPlace; field: PlaceText; value: string }) => <DataText value={value} max={PART_MAX} fullLength={place.cut?.[field]} />;
const Unknown = () => <span className="truncate text-xs text-muted-foreground">unknown location</span>;

/** "Berlin, Germany"; the region stands in for a missing city, the country alone when that is all. */
function PlaceName({ place }: { place: EventPlace }) {
  const country = placeCountry(place);
  const local = place.city !== null ? (["city", place.city] as const) : place.region !== null ? (["region", place.region] as const) : null;
  return (
    <>
      {local ? <Part place={place} field={local[0]} value={local[1]} /> : null}
      {local && country ? ", " : null}
      {country}
    </>
  );
}

const networkNote = (place: EventPlace) => {
  const network = networkText(place);
  return network ? `Network: ${visibleText(network, 200)}${place.hosting ? " (a hosting provider)" : ""}` : "Network not known";
};

/** A small mark for an address in a hosting or cloud provider's network, with the provider's name. */
export function HostingBadge({ place, onFilter, className }: { place: EventPlace; onFilter: OnFilter; className?: string }) {
  return (
    <FilterValue
      dimension="hosting"
      value="true"
      onFilter={onFilter}
      label="yes"
      note={networkNote(place)}
      className={cn("inline-flex max-w-[12rem] shrink items-center gap-1 rounded-md border border-warning/30 bg-warning/10 px-1 text-[11px] leading-4 font-medium text-warning no-underline hover:no-underline", className)}
    >
      <span className="shrink-0">Hosting</span>
      {place.org !== null ? (
        <span className="truncate font-normal">
          · <Part place={place} field="org" value={place.org} />
        </span>
      ) : null}
    </FilterValue>
  );
}

/** The line under an address: its flag and place (a click filters by the country), or "unknown location"; the hosting badge goes with the context below. */
export function AddressPlace({ row, onFilter }: { row: EventRow; onFilter: OnFilter }) {
  const place = row.place;
  // No row yet (the address is still to be looked up): nothing is claimed either way.
  if (!place) return null;
  if (!isPlaced(place)) return <Unknown />;
  return (
    <span className="flex min-w-0 items-center gap-1 text-xs text-muted-foreground" data-testid="address-place">
      <CountryFlag code={place.country} />
      {place.country !== null ? (
        <FilterValue dimension="country" value={place.country} onFilter={onFilter} label={placeCountry(place) ?? undefined} note={networkNote(place)} className="min-w-0">
          <PlaceName place={place} />
        </FilterValue>
      ) : (
        <span className="min-w-0 truncate" title={networkNote(place)}>
          <PlaceName place={place} />
        </span>
      )}
    </span>
  );
}

const none = <span className="text-muted-foreground/60">—</span>;

/** The Country column: flag and country (filters by it), the city and region under it. */
export function CountryCell({ row, onFilter }: { row: EventRow; onFilter: OnFilter }) {
  const place = row.place;
  if (!place) return none;
  if (!isPlaced(place)) return <Unknown />;
  const country = placeCountry(place);
  return (
    <div className="flex min-w-0 flex-col">
      <span className="flex min-w-0 items-center gap-1.5">
        <CountryFlag code={place.country} />
        {place.country !== null ? (
          <FilterValue dimension="country" value={place.country} onFilter={onFilter}>
            {country}
          </FilterValue>
        ) : (
          <span className="truncate text-xs text-muted-foreground">unknown country</span>
        )}
      </span>
      {place.city !== null || place.region !== null ? (
        <span className="truncate text-xs text-muted-foreground">
          {place.city !== null ? <Part place={place} field="city" value={place.city} /> : null}
          {place.city !== null && place.region !== null ? " · " : null}
          {place.region !== null ? <Part place={place} field="region" value={place.region} /> : null}
        </span>
      ) : null}
    </div>
  );
}

/** The Network column: the AS number and organisation (each filters by itself), and the hosting mark. */
export function NetworkCell({ row, onFilter }: { row: EventRow; onFilter: OnFilter }) {
  const place = row.place;
  if (!place) return none;
  if (place.asn === null && place.org === null) return <span className="truncate text-xs text-muted-foreground">unknown network</span>;
  return (
    <div className="flex min-w-0 flex-col items-start">
      {place.asn !== null ? (
        <FilterValue dimension="asn" value={String(place.asn)} onFilter={onFilter} label={`AS${place.asn}`} className="font-mono text-xs">
          AS{place.asn}
        </FilterValue>
      ) : null}
      {place.org !== null ? (
        <FilterValue dimension="asOrg" value={place.org} onFilter={onFilter} className="text-xs text-muted-foreground">
          <Part place={place} field="org" value={place.org} />
        </FilterValue>
      ) : null}
      {place.hosting ? <HostingBadge place={place} onFilter={onFilter} className="mt-0.5" /> : null}
    </div>
  );
}
