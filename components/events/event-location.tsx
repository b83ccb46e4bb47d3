import { Fragment } from "react";
import type { EventDetail } from "@/lib/events/get-event";
import { isPlaced, placeCountry, type EventPlace } from "@/lib/events/place";
import { CountryFlag } from "@/components/geo/country-flag";
import { GeoAttribution } from "@/components/geo/geo-attribution";
import { Field, Section, text } from "./detail-parts";

/**
 * Where the event's address is, as the offline databases say: place, coordinates and network.
 * An address they do not place (private, documentation or unlisted ranges) is said to be of
 * unknown location rather than left blank, and one not looked up yet says that instead.
 */
export function EventLocation({ event }: { event: EventDetail }) {
  if (event.clientIp === null) return null;
  const place = event.place ?? null;
  return (
    <Section title="Address location">
      <dl data-testid="address-location">
        {place === null ? (
          <Field label="Place">
            <span className="text-muted-foreground">Not looked up yet: locations are added as the sync stores events.</span>
          </Field>
        ) : (
          <Placed place={place} />
        )}
      </dl>
      <GeoAttribution className="pt-1" />
    </Section>
  );
}

const coordinate = (value: number) => value.toFixed(4);

function Placed({ place }: { place: EventPlace }) {
  const network = place.asn !== null || place.org !== null;
  return (
    <>
      <Field label="Place">
        {isPlaced(place) ? (
          <span>
            <CountryFlag code={place.country} className="mr-1.5" />
            {[place.city, place.region, placeCountry(place)]
              .filter((part) => part !== null)
              .map((part, i) => (
                <Fragment key={i}>
                  {i > 0 ? ", " : null}
                  {text(part)}
                </Fragment>
              ))}
          </span>
        ) : (
          <span data-testid="unknown-location">
            Unknown location <span className="text-xs text-muted-foreground">(the location databases do not place this address: a private, documentation or unlisted range)</span>
          </span>
        )}
      </Field>
      {place.latitude !== null && place.longitude !== null ? (
        <Field label="Coordinates" mono>
          {coordinate(place.latitude)}, {coordinate(place.longitude)} <span className="font-sans text-xs text-muted-foreground">(the city&apos;s, not the device&apos;s)</span>
        </Field>
      ) : null}
      <Field label="Network">
        {network ? (
          <span>
            {place.asn !== null ? <span className="font-mono text-xs">AS{place.asn}</span> : null}
            {place.asn !== null && place.org !== null ? " " : null}
            {text(place.org)}
          </span>
        ) : (
          <span className="text-muted-foreground">Unknown network</span>
        )}
      </Field>
      {network ? <Field label="Hosting provider">{place.hosting ? "Yes: a hosting or cloud provider's network, not an office's or a home's" : "No"}</Field> : null}
    </>
  );
}
