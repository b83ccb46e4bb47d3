"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowRight, Copy } from "lucide-react";
import { toast } from "sonner";
import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import { emptyFilter, withCondition } from "@/lib/events/filters";
import type { EventDetail as Detail } from "@/lib/events/get-event";
import { eventSearch } from "@/lib/events/search-params";
import { showValue } from "@/lib/events/summarise-event";
import type { TimeZoneChoice } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { actorHref, resourceHref } from "@/components/actors/actor-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EventTime } from "./event-time";

/** Copies text; a path ("/events/…") is copied as a full address, so it can be pasted anywhere. */
async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text.startsWith("/") ? `${window.location.origin}${text}` : text);
    toast.success(`${what} copied`);
  } catch {
    toast.error(`Could not copy the ${what.toLowerCase()}: the browser refused access to the clipboard.`);
  }
}

export function CopyButton({ text, what, label = "Copy" }: { text: string; what: string; label?: string }) {
  return (
    <Button variant="outline" size="xs" onClick={() => void copy(text, what)} aria-label={`Copy ${what.toLowerCase()}`}>
      <Copy />
      {label}
    </Button>
  );
}

const allTime = emptyFilter({ kind: "relative", last: "all" });
/** Links into the explorer over all time: an actor's or a resource's whole history. */
const historyHref = (dimension: "actor" | "resource", gid: string) => `/events${eventSearch(withCondition(allTime, { dimension, value: gid, exclude: false }))}`;

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1 text-[13px]">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={mono ? "font-mono text-xs break-all" : "break-words"}>{children ?? <span className="text-muted-foreground/60">—</span>}</dd>
    </div>
  );
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="flex flex-col gap-1 border-t pt-3" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The actor's or resource's other events: in the explorer (with how many, counted up to 10,000) and on their own page. */
function OtherEvents({ explorerHref, label, count, pageHref, pageLabel }: { explorerHref: string; label: string; count: number | null; pageHref: string; pageLabel: string }) {
  return (
    <span className="flex gap-3">
      <Button variant="link" size="xs" asChild>
        <Link href={explorerHref}>
          {label}
          {count !== null ? ` (${formatCount(count)}${count >= 10_000 ? "+" : ""})` : ""}
        </Link>
      </Button>
      <Button variant="link" size="xs" asChild>
        <Link href={pageHref}>
          {pageLabel}
          <ArrowRight />
        </Link>
      </Button>
    </span>
  );
}

const pretty = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

/** Before and after, side by side, when the event changed something. */
function Change({ details }: { details: Record<string, unknown> }) {
  if (!("old_value" in details) && !("new_value" in details)) return null;
  return (
    <div className="grid grid-cols-2 gap-2">
      {(["old_value", "new_value"] as const).map((key) => (
        <div key={key} className={key === "old_value" ? "rounded-md border border-destructive/25 bg-destructive/5 p-2" : "rounded-md border border-success/25 bg-success/5 p-2"}>
          <p className="mb-1 text-xs font-medium text-muted-foreground">{key === "old_value" ? "Before" : "After"}</p>
          <pre className="font-mono text-xs break-all whitespace-pre-wrap">{key in details ? pretty(details[key] ?? "(none)") : "(not given)"}</pre>
        </div>
      ))}
    </div>
  );
}

/** Everything about one event: the sentence, the change, who, on what, from where, and the original JSON. */
export function EventDetail({ event, tz }: { event: Detail; tz: TimeZoneChoice }) {
  const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? (event.details as Record<string, unknown>) : {};
  const otherDetails = Object.entries(details).filter(([k]) => k !== "old_value" && k !== "new_value");
  const rawPretty = (() => {
    try {
      return JSON.stringify(JSON.parse(event.raw), null, 2);
    } catch {
      return event.raw;
    }
  })();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <p className="text-base leading-6 font-medium text-pretty">{event.sentence}</p>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <EventTime iso={event.createdAt} tz={tz} ms className="font-mono" />
          <Badge variant="primary">{eventTypeLabel(event.eventType)}</Badge>
          <Badge variant="outline">{categoryLabel(event.eventCategory)}</Badge>
        </div>
      </div>

      <Change details={details} />

      {otherDetails.length > 0 ? (
        <Section title="Details">
          <dl>
            {otherDetails.map(([key, value]) => (
              <Field key={key} label={humanize(key)} mono={typeof value !== "string"}>
                {typeof value === "string" ? showValue(value, 400) : <pre className="whitespace-pre-wrap">{pretty(value)}</pre>}
              </Field>
            ))}
          </dl>
        </Section>
      ) : null}

      <Section
        title="Actor"
        action={
          event.actorGid ? (
            <OtherEvents explorerHref={historyHref("actor", event.actorGid)} label="Their events" count={event.actorEvents} pageHref={actorHref(event.actorGid)} pageLabel="Actor's timeline" />
          ) : null
        }
      >
        <dl>
          <Field label="Name">{event.actorName}</Field>
          <Field label="E-mail">{event.actorEmail}</Field>
          <Field label="Type">{humanize(event.actorType)}</Field>
          <Field label="Gid" mono>
            {event.actorGid}
          </Field>
        </dl>
      </Section>

      <Section
        title="Resource"
        action={
          event.resourceGid ? (
            <OtherEvents explorerHref={historyHref("resource", event.resourceGid)} label="Its events" count={event.resourceEvents} pageHref={resourceHref(event.resourceGid)} pageLabel="Resource history" />
          ) : null
        }
      >
        <dl>
          <Field label="Name">{event.resourceName}</Field>
          <Field label="Type">{event.resourceType ? `${humanize(event.resourceType)}${event.resourceSubtype ? ` · ${humanize(event.resourceSubtype).toLowerCase()}` : ""}` : null}</Field>
          {event.resourceEmail ? <Field label="E-mail">{event.resourceEmail}</Field> : null}
          <Field label="Gid" mono>
            {event.resourceGid}
          </Field>
        </dl>
      </Section>

      <Section title="Context">
        <dl>
          <Field label="IP address" mono>
            {event.clientIp}
          </Field>
          <Field label="Context">{event.contextType ? humanize(event.contextType) : null}</Field>
          <Field label="Auth method">{event.authMethod ? humanize(event.authMethod) : null}</Field>
          <Field label="OAuth app">{event.oauthAppName}</Field>
          <Field label="User agent" mono>
            {event.userAgent}
          </Field>
        </dl>
      </Section>

      <Section title="Original JSON" action={<CopyButton text={event.raw} what="JSON" label="Copy JSON" />}>
        <p className="text-xs text-muted-foreground">As Asana sent it: shown indented here, copied byte for byte.</p>
        <pre className="max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-5" tabIndex={0} aria-label="Original JSON text">
          {rawPretty}
        </pre>
      </Section>
    </div>
  );
}
