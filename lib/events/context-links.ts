import { canFilter, emptyFilter, isGid, withCondition, type Dimension } from "./filters";
import { eventSearch } from "./search-params";

/**
 * Links from one event to what surrounds it (Kibana's surrounding documents, Datadog's view in
 * context): the explorer over an absolute window around the event's time, filtered to the same
 * actor, IP address or resource, oldest first so that it reads as a story, and the event marked
 * in it (`#event-<gid>`, read by the explorer). Absolute, so the link shows the same events later.
 */
export interface ContextSubject {
  gid: string;
  createdAt: string;
  /** The actor's identity (lib/actors/actor-key.ts): its gid, or type and e-mail or name. */
  actorKey: string;
  clientIp: string | null;
  resourceGid: string | null;
}

export interface ContextLink {
  label: string;
  href: string;
}

const MINUTE = 60_000;
const MARK_PREFIX = "#event-";

/** The fragment that marks an event in the explorer's rows. */
export const markFragment = (gid: string) => `${MARK_PREFIX}${encodeURIComponent(gid)}`;

/** The event a fragment marks, or null. */
export function markedGid(hash: string): string | null {
  if (!hash.startsWith(MARK_PREFIX)) return null;
  const gid = decodeURIComponent(hash.slice(MARK_PREFIX.length));
  return isGid(gid) ? gid : null;
}

/** The explorer filtered to one value, from `from` to `to` (either open), oldest first, with the event marked. */
export function explorerAround(subject: Pick<ContextSubject, "gid">, dimension: Dimension, value: string, from: Date, to: Date | null): string {
  const filter = withCondition(emptyFilter({ kind: "absolute", from: from.toISOString(), to: to ? to.toISOString() : null }), { dimension, value, exclude: false });
  return `/events${eventSearch(filter, { sort: "oldest" })}${markFragment(subject.gid)}`;
}

const around = (subject: ContextSubject, dimension: Dimension, value: string, minutes: number) => {
  const at = Date.parse(subject.createdAt);
  return explorerAround(subject, dimension, value, new Date(at - minutes * MINUTE), new Date(at + minutes * MINUTE));
};

/** How an actor is named in a filter: its key, which names that actor alone, when a filter can hold it. */
function actorValue(subject: ContextSubject): string | null {
  return canFilter("actor", subject.actorKey) ? subject.actorKey : null;
}

/** "This actor ±15 minutes", "this IP ±1 hour", "same resource ±1 day": those the event has values for. */
export function contextLinks(subject: ContextSubject): ContextLink[] {
  const links: ContextLink[] = [];
  const actor = actorValue(subject);
  if (actor) links.push({ label: "This actor ±15 minutes", href: around(subject, "actor", actor, 15) });
  if (subject.clientIp) links.push({ label: "This IP ±1 hour", href: around(subject, "ip", subject.clientIp, 60) });
  if (subject.resourceGid && isGid(subject.resourceGid)) links.push({ label: "Same resource ±1 day", href: around(subject, "resource", subject.resourceGid, 24 * 60) });
  return links;
}

/** "What happened next": the actor's events from this one onward. */
export function whatHappenedNext(subject: ContextSubject): string | null {
  const actor = actorValue(subject);
  return actor ? explorerAround(subject, "actor", actor, new Date(subject.createdAt), null) : null;
}
