import { CountryFlag } from "@/components/geo/country-flag";
import { Badge } from "@/components/ui/badge";
import { DataText } from "@/components/ui/data-text";
import { countryName } from "@/lib/geo/country";
import type { Place } from "@/lib/geo/place";

/**
 * A place as a person reads it: flag, city, region and country, and with `network` the network
 * (AS number and name, marked when it is a hosting provider's). City, region and network names
 * are stored values, shown through DataText; an unknown place says so.
 */
export function PlaceName({ place, network = false }: { place: Place | null; network?: boolean }) {
  if (!place) return <span className="text-muted-foreground italic">Unknown location</span>;
  const region = place.region && place.region !== place.city ? place.region : null;
  return (
    <span className="inline-flex min-w-0 flex-col gap-0.5">
      <span className="min-w-0">
        {place.country ? <CountryFlag code={place.country} className="mr-1.5" /> : null}
        {place.city ? <DataText value={place.city} max={60} /> : null}
        {place.city && (region || place.country) ? ", " : null}
        {region ? <DataText value={region} max={60} /> : null}
        {region && place.country ? ", " : null}
        {place.country ? countryName(place.country) : !place.city && !region ? <span className="text-muted-foreground italic">Unknown country</span> : null}
        {!place.located ? <span className="ml-1 text-xs text-muted-foreground">(no coordinates)</span> : null}
      </span>
      {network ? (
        <span className="flex min-w-0 flex-wrap items-center gap-1 text-xs text-muted-foreground">
          {place.asn !== null ? <span className="font-mono">AS{place.asn}</span> : <span className="italic">Unknown network</span>}
          {place.org ? <DataText value={place.org} max={60} /> : null}
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
