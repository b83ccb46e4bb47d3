"use client";

import { ExternalLink, ScrollText } from "lucide-react";
import type { ReactNode } from "react";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { CopyButton } from "@/components/events/event-detail";
import { EventTime } from "@/components/events/event-time";
import { hasActorPage } from "@/components/links/entity-links";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";
import { Link } from "@/components/ui/link";
import { actorTimelineHref, alertEventsHref } from "@/lib/alerts/explorer-link";
import type { AlertDetail as AlertDetailData } from "@/lib/alerts/get-alert";
import { ACTION_RULES } from "@/lib/alerts/vocabulary";
import type { TimeZoneChoice } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { ActorCell, eventCountText } from "./alert-table";
import { SeverityBadge, StatusBadge } from "./badges";
import { actionsFor, ActionButton, useStatusAction } from "./bulk-actions";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/**
 * One alert: what it is, its actions, its exact events (by gid) and the explorer view of them,
 * the rule's description, runbook and help link, who acknowledged and resolved it, and where
 * it was sent.
 */
export function AlertDetail({ alert, tz }: { alert: AlertDetailData; tz: TimeZoneChoice }) {
  const { run, pending } = useStatusAction();
  const eventsHref = alertEventsHref(alert, alert.rule, tz);
  const zone = tz === "local" ? "" : `?tz=${encodeURIComponent(tz)}`;
  return (
    <div className="flex flex-col gap-6" data-alert={alert.id}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={alert.severity} />
          <StatusBadge status={alert.status} />
        </div>
        <p className="text-base font-semibold" data-testid="alert-title">
          <DataText value={alert.title} max={600} fullLength={alert.titleLength ?? undefined} cutTitle="The title is cut here" />
        </p>
        <div className="flex flex-wrap gap-2">
          {actionsFor([alert.status]).map((action) => (
            <ActionButton key={action} action={action} size="xs" disabled={pending} onClick={() => void run([alert.id], action)} />
          ))}
          <Button variant="outline" size="xs" asChild>
            <Link href={eventsHref}>
              <ScrollText />
              Open its events in the explorer
            </Link>
          </Button>
          <CopyButton text={typeof window === "undefined" ? "" : `${window.location.origin}/alerts?alert=${alert.id}`} what="Link" label="Copy link" />
        </div>
      </div>

      <dl className="flex flex-col gap-1.5">
        <Fact label="Rule">
          <Link href={`/alerts/rules/${encodeURIComponent(alert.rule.id)}`} className="text-primary underline-offset-2 hover:underline">
            <DataText value={alert.rule.name} max={200} />
          </Link>{" "}
          <span className="text-muted-foreground">(version {alert.ruleVersion} raised it)</span>
        </Fact>
        <Fact label="Actor">
          {alert.actorKey ? (
            <span className="flex flex-wrap items-baseline gap-x-2">
              <ActorCell alert={alert} href={(key) => actorTimelineHref(key, alert, tz)} />{" "}
              {hasActorPage(alert.actorKey) ? <span className="text-xs text-muted-foreground">(their timeline, a day either side)</span> : null}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
        </Fact>
        <Fact label="First event">
          <EventTime iso={alert.firstAt} tz={tz} />
        </Fact>
        <Fact label="Last event">
          <EventTime iso={alert.lastAt} tz={tz} />
        </Fact>
        <Fact label="Events">{eventCountText(alert)}</Fact>
      </dl>

      <Section title="Events">
        <p className="text-xs text-muted-foreground">
          The explorer link shows the rule&apos;s filter from the first event to the last, for this {alert.actorKey ? "actor" : "key"}; it can include events the rule&apos;s
          other conditions left out. These are the events the alert holds:
        </p>
        <ol className="flex flex-col divide-y rounded-md border text-sm" data-testid="alert-events">
          {alert.events.map((event) => (
            <li key={event.gid} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 px-3 py-1.5">
              <EventTime iso={event.at} tz={tz} className="font-mono text-xs" />{" "}
              <Link href={`/events/${encodeURIComponent(event.gid)}${zone}`} className="font-mono text-xs text-primary underline-offset-2 hover:underline">
                {event.gid}
              </Link>{" "}
              <span className="text-muted-foreground">{event.eventType ? <DataText value={event.eventType} max={100} /> : "not stored"}</span>
            </li>
          ))}
        </ol>
        {alert.eventCount > alert.events.length ? (
          <p className="text-xs text-muted-foreground">
            The first {formatCount(alert.events.length)} of {eventCountText(alert)}; the explorer link shows them all.
          </p>
        ) : null}
      </Section>

      <Section title="About the rule">
        {alert.rule.description ? (
          <p className="text-sm whitespace-pre-wrap">
            <DataText value={alert.rule.description} max={4_000} keepLines />
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">No description.</p>
        )}
        {alert.rule.runbook ? (
          <div className="rounded-md border bg-muted/40 p-3">
            <p className="mb-1 text-xs font-medium text-muted-foreground">Runbook</p>
            <p className="text-sm whitespace-pre-wrap" data-testid="alert-runbook">
              <DataText value={alert.rule.runbook} max={8_000} keepLines />
            </p>
          </div>
        ) : null}
        {alert.rule.helpUrl?.startsWith("https://") ? (
          <a href={alert.rule.helpUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-sm text-primary underline-offset-2 hover:underline">
            <ExternalLink className="size-3.5" aria-hidden />
            Asana&apos;s help on this
          </a>
        ) : null}
      </Section>

      <Section title="Status history">
        <ol className="flex flex-col gap-1.5 text-sm" data-testid="alert-history">
          {alert.history.map((entry, i) => (
            <li key={i}>
              <span className="font-medium">{ACTION_RULES[entry.action].done}</span> by{" "}
              {entry.actorEmail ? <DataText value={entry.actorEmail} max={200} /> : "the system"}, <EventTime iso={entry.at} tz={tz} className="text-muted-foreground" />
            </li>
          ))}
          <li>
            <span className="font-medium">Raised</span> by the rule, <EventTime iso={alert.createdAt} tz={tz} className="text-muted-foreground" />
          </li>
        </ol>
      </Section>

      <Section title="Notifications">
        <DeliveryLog alertId={alert.id} />
      </Section>
    </div>
  );
}
