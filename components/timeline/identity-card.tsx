import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { formatCount } from "@/lib/format/time";
import { EventTime } from "@/components/events/event-time";
import { DataText } from "@/components/ui/data-text";

export interface IdentityCardProps {
  label: string;
  testId: string;
  title: string;
  badge: ReactNode;
  /** Shown before the gid on the second line (an e-mail address). */
  detail: string | null;
  gid: string;
  firstLabel: string;
  lastLabel: string;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  /** The explorer's link to all of its events. */
  eventsHref: string;
  /** One more fact after the count. */
  extra: { term: string; value: ReactNode };
}

/** Who or what a timeline is about: name, type, gid, first and last event, how many events. */
export function IdentityCard(props: IdentityCardProps) {
  return (
    <section aria-label={props.label} className="flex flex-wrap items-start gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3" data-testid={props.testId}>
      <div className="min-w-0 max-w-full">
        <div className="flex min-w-0 items-center gap-2">
          <h2 className="truncate text-lg font-semibold" data-testid="identity-title">
            <DataText value={props.title} />
          </h2>
          {props.badge}
        </div>
        <p className="truncate text-sm text-muted-foreground">
          {props.detail ? (
            <>
              <DataText value={props.detail} /> ·{" "}
            </>
          ) : null}
          <span className="font-mono text-xs">
            <DataText value={props.gid} />
          </span>
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-muted-foreground">{props.firstLabel}</dt>
          <dd><EventTime iso={props.firstSeen} /></dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{props.lastLabel}</dt>
          <dd><EventTime iso={props.lastSeen} /></dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Events, all time</dt>
          <dd>
            <Link href={props.eventsHref} className="font-semibold text-primary tabular-nums underline-offset-2 hover:underline">
              {formatCount(props.eventCount)}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{props.extra.term}</dt>
          <dd>{props.extra.value}</dd>
        </div>
      </dl>
    </section>
  );
}
