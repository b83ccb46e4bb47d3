"use client";

import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { formatInstant } from "@/lib/events/format-time";
import type { TimeZoneChoice } from "@/lib/events/view";
import { UTC } from "@/lib/time/zone";

type EventTimeProps = { iso: string; tz?: TimeZoneChoice; ms?: boolean; stacked?: boolean; className?: string };

/**
 * An instant in the chosen zone (the `tz` given, or the URL's), with its offset; the UTC reading (or, in UTC, the named
 * zone's) in the tooltip. While "local" is not known yet (a first visit, before hydration:
 * components/shell/local-zone.tsx) the time is held back rather than shown in another zone.
 * Only a time given no zone reads the URL: one given its zone (each row of the table, the
 * event's detail) does not subscribe to the URL, and renders wherever the zone is known.
 */
export function EventTime(props: EventTimeProps) {
  return props.tz === undefined ? <TimeInUrlZone {...props} /> : <TimeInZone {...props} tz={props.tz} />;
}

/** Without a zone given, the page's own (the URL's `tz`). */
function TimeInUrlZone(props: EventTimeProps) {
  return <TimeInZone {...props} tz={useZoneChoice()} />;
}

function TimeInZone({ iso, tz, ms = false, stacked = false, className }: EventTimeProps & { tz: TimeZoneChoice }) {
  const zone = useZone(tz);
  if (zone === null) {
    return (
      <time dateTime={iso} className={className} aria-busy="true" data-zone-pending="">
        <span className="inline-block h-3 w-32 animate-pulse rounded bg-muted align-middle" />
      </time>
    );
  }
  const text = formatInstant(iso, zone, { ms });
  const title = zone === UTC ? formatInstant(iso, UTC, { ms: true }) : `${formatInstant(iso, zone, { ms: true })} (${zone})\n${formatInstant(iso, UTC, { ms: true })}`;
  if (stacked) {
    // In the table: the time of day and its offset first, the date under it.
    const [date, clock, offset] = text.split(" ");
    return (
      <time dateTime={iso} title={title} className={className}>
        <span className="block text-foreground">
          {clock} <span className="text-muted-foreground">{offset}</span>
        </span>
        <span className="block text-muted-foreground">{date}</span>
      </time>
    );
  }
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
