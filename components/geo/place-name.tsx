import { CountryFlag } from "@/components/geo/country-flag";
import { Badge } from "@/components/ui/badge";
import { DataText } from "@/components/ui/data-text";
import { placeCountry, type EventPlace } from "@/lib/events/place";
import { knownPoint } from "@/lib/geo/travel";

const PART_MAX = 60;

/**
 * A place as a person reads it: flag, city, region and country, and with `network` the network
 * (AS number and name, marked when it is a hosting provider's). City, region and network names
 * are stored values, shown through DataText; an unknown place says so, and a place without
 * real coordinates (no distance is measured from it) too.
 */
export function PlaceName({ place, network = false }: { place: EventPlace | null; network?: boolean }) {
  const country = place ? placeCountry(place) : null;
  const region = place?.region && place.region !== place.city ? place.region : null;
  const parts = place ? [place.city ? <DataText key="city" value={place.city} max={PART_MAX} fullLength={place.cut?.city} /> : null, region ? <DataText key="region" value={region} max={PART_MAX} fullLength={place.cut?.region} /> : null, country].filter((p) => p !== null) : [];
  return (
    <span className="inline-flex min-w-0 flex-col gap-0.5">
      <span className="min-w-0">
        {place?.country ? <CountryFlag code={place.country} className="mr-1.5" /> : null}
        {parts.length === 0 ? <span className="text-muted-foreground italic">Unknown location</span> : parts.flatMap((part, i) => (i === 0 ? [part] : [", ", part]))}
        {place && parts.length > 0 && !knownPoint(place.latitude, place.longitude) ? <span className="ml-1 text-xs text-muted-foreground">(no coordinates)</span> : null}
      </span>
      {network && place ? (
        <span className="flex min-w-0 flex-wrap items-center gap-1 text-xs text-muted-foreground">
          {place.asn !== null ? <span className="font-mono">AS{place.asn}</span> : <span className="italic">Unknown network</span>}
          {place.org ? <DataText value={place.org} max={PART_MAX} fullLength={place.cut?.org} /> : null}
          {place.hosting ? (
            <Badge variant="warning" title="The address belongs to a hosting or cloud provider's network, not an office's or an ISP's">
              Hosting
            </Badge>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
