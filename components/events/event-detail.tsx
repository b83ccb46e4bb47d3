"use client";

import { Link } from "@/components/ui/link";
import { ArrowRight, Copy, History } from "lucide-react";
import { contextLinks } from "@/lib/events/context-links";
import { toast } from "sonner";
import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import { emptyFilter, withCondition } from "@/lib/events/filters";
import type { EventDetail as Detail } from "@/lib/events/get-event";
import { eventSearch } from "@/lib/events/search-params";
import type { TimeZoneChoice } from "@/lib/events/view";
import { indentJsonText, jsonText } from "@/lib/format/json-text";
import { formatCount } from "@/lib/format/time";
import { actorHref, hasActorPage, hasPage, resourceHref } from "@/components/links/entity-links";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describeAlteration } from "@/lib/events/alterations";
import { DataText } from "@/components/ui/data-text";
import { LongText } from "@/components/ui/long-text";
import { Field, Section, text } from "./detail-parts";
import { EventLocation } from "./event-location";
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

/** What happened around this event, by the same actor, from the same address, on the same resource. */
function SurroundingEvents({ event }: { event: Detail }) {
  const links = contextLinks(event);
  if (links.length === 0) return null;
  return (
    <nav aria-label="Surrounding events" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="flex items-center gap-1 text-muted-foreground">
        <History className="size-3.5" aria-hidden />
        Around this event:
      </span>
      {links.map((l) => (
        <Button key={l.label} variant="outline" size="xs" asChild>
          <Link href={l.href}>{l.label}</Link>
        </Button>
      ))}
    </nav>
  );
}

/** JSON a page shows of one detail value, and of the original event, before "download". */
const DETAIL_JSON_MAX = 100_000;
const RAW_SHOWN = 200_000;

/** A detail value: text as text (multi-line kept), anything else as indented JSON, in bounded work. */
function DetailValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <LongText value={value} keepLines className="whitespace-pre-wrap" />;
  const { text } = jsonText(value, { max: DETAIL_JSON_MAX, indent: 2 });
  return <LongText value={text} keepLines className="font-mono text-xs whitespace-pre-wrap" />;
}

/** Before and after, side by side, when the event changed something. */
function Change({ details }: { details: Record<string, unknown> }) {
  if (!Object.hasOwn(details, "old_value") && !Object.hasOwn(details, "new_value")) return null;
  return (
    <div className="grid grid-cols-2 gap-2">
      {(["old_value", "new_value"] as const).map((key) => (
        <div key={key} className={key === "old_value" ? "min-w-0 rounded-md border border-destructive/25 bg-destructive/5 p-2" : "min-w-0 rounded-md border border-success/25 bg-success/5 p-2"}>
          <p className="mb-1 text-xs font-medium text-muted-foreground">{key === "old_value" ? "Before" : "After"}</p>
          <div className="max-h-96 overflow-auto text-xs [overflow-wrap:anywhere]">{Object.hasOwn(details, key) ? <DetailValue value={details[key] ?? "(none)"} /> : "(not given)"}</div>
        </div>
      ))}
    </div>
  );
}

/** The original JSON, indented as it is (never re-serialised: numbers and key order stay as sent), up to RAW_SHOWN characters. */
function OriginalJson({ event }: { event: Detail }) {
  const { text, cut } = indentJsonText(event.raw, { max: RAW_SHOWN });
  const whole = event.rawLength === undefined;
  const download = `/api/events/${encodeURIComponent(event.gid)}/raw`;
  return (
    <Section
      title="Original JSON"
      action={
        <span className="flex gap-2">
          {whole ? <CopyButton text={event.raw} what="JSON" label="Copy JSON" /> : null}
          <Button variant="outline" size="xs" asChild>
            <a href={download} download>
              Download
            </a>
          </Button>
        </span>
      }
    >
      <p className="text-xs text-muted-foreground">
        {cut || !whole
          ? `As Asana sent it: the first ${formatCount(RAW_SHOWN)} of ${formatCount(event.rawLength ?? event.raw.length)} characters shown here, indented; download it for every one.`
          : "As Asana sent it: shown indented here, copied byte for byte."}
      </p>
      <pre className="max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-5" tabIndex={0} aria-label="Original JSON text">
        <DataText value={text} max={RAW_SHOWN + 1} keepLines />
      </pre>
    </Section>
  );
}

/** Everything about one event: the sentence, the change, who, on what, from where, and the original JSON. */
export function EventDetail({ event, tz }: { event: Detail; tz: TimeZoneChoice }) {
  // Parsed here (the server bounds its size and depth): own keys named "__proto__" stay keys.
  const parsed: unknown = event.detailsJson === null ? null : JSON.parse(event.detailsJson);
  const details = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const otherDetails = Object.entries(details).filter(([k]) => k !== "old_value" && k !== "new_value");

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col gap-2">
        <p className="text-base leading-6 font-medium text-pretty [overflow-wrap:anywhere]" data-testid="event-sentence">
          {event.sentence}
        </p>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <EventTime iso={event.createdAt} tz={tz} ms className="font-mono" />
          <Badge variant="primary" className="max-w-full">
            <span className="truncate">{eventTypeLabel(event.eventType)}</span>
          </Badge>
          <Badge variant="outline" className="max-w-full">
            <span className="truncate">{categoryLabel(event.eventCategory)}</span>
          </Badge>
        </div>
      </div>

      <SurroundingEvents event={event} />

      <Change details={details} />

      {event.alterations.length > 0 ? (
        <Section title="Altered for storage">
          <div className="flex flex-col gap-1.5 rounded-md border border-warning/30 bg-warning/10 px-2.5 py-2 text-xs" data-testid="alterations">
            <p>Asana sent values PostgreSQL cannot hold as they are; the searchable fields above show a safe form of them. The original JSON below is exactly as Asana sent it.</p>
            <ul className="list-disc pl-4 [overflow-wrap:anywhere]">
              {event.alterations.map((a, i) => (
                <li key={i}>
                  <DataText value={describeAlteration(a)} max={300} />
                </li>
              ))}
            </ul>
          </div>
        </Section>
      ) : null}

      {event.detailsDigest ? (
        <p className="rounded-md border border-warning/30 bg-warning/10 px-2.5 py-1.5 text-xs" data-testid="details-digest">
          {event.detailsDigest.reason === "deep" ? "These details nest too deep" : `These details are ${formatCount(event.detailsDigest.bytes)} bytes, too large`} to show as fields: each value below is cut to its start. The original JSON holds all of it.
        </p>
      ) : null}

      {otherDetails.length > 0 ? (
        <Section title="Details">
          <dl>
            {otherDetails.map(([key, value], i) => (
              <Field key={i} label={humanize(key)} mono={typeof value !== "string"}>
                <DetailValue value={value} />
              </Field>
            ))}
          </dl>
        </Section>
      ) : null}

      <Section
        title="Actor"
        action={
          hasActorPage(event.actorKey) ? (
            <OtherEvents explorerHref={historyHref("actor", event.actorKey)} label="Their events" count={event.actorEvents} pageHref={actorHref(event.actorKey)} pageLabel="Actor's timeline" />
          ) : null
        }
      >
        <dl>
          <Field label="Name">
            {text(event.actorName)}
          </Field>
          <Field label="E-mail">
            {text(event.actorEmail)}
          </Field>
          <Field label="Type">{humanize(event.actorType)}</Field>
          <Field label="Gid" mono>
            {text(event.actorGid)}
          </Field>
        </dl>
      </Section>

      <Section
        title="Resource"
        action={
          hasPage(event.resourceGid) ? (
            <OtherEvents explorerHref={historyHref("resource", event.resourceGid)} label="Its events" count={event.resourceEvents} pageHref={resourceHref(event.resourceGid)} pageLabel="Resource history" />
          ) : null
        }
      >
        <dl>
          <Field label="Name">
            {event.resourceName === null && event.resourceKnownName !== null ? (
              <span data-testid="resource-known-name">
                {text(event.resourceKnownName)} <span className="text-xs text-muted-foreground">(last known name, from an earlier event)</span>
              </span>
            ) : (
              text(event.resourceName)
            )}
          </Field>
          <Field label="Type">{event.resourceType ? `${humanize(event.resourceType)}${event.resourceSubtype ? ` · ${humanize(event.resourceSubtype).toLowerCase()}` : ""}` : null}</Field>
          {event.resourceEmail ? (
            <Field label="E-mail">
              {text(event.resourceEmail)}
            </Field>
          ) : null}
          <Field label="Gid" mono>
            {text(event.resourceGid)}
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
          <Field label="OAuth app">
            {text(event.oauthAppName)}
          </Field>
          <Field label="User agent" mono>
            {text(event.userAgent)}
          </Field>
        </dl>
      </Section>

      <EventLocation event={event} />

      <OriginalJson event={event} />
    </div>
  );
}
