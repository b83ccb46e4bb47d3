import { z } from "zod";
import { GROUP_KEYS, type GroupKey } from "@/lib/detections/rule";
import { canFilter, emptyFilter, type Dimension, type EventFilter } from "@/lib/events/filters";
import { combine, MAX_QUERY_LENGTH, term } from "@/lib/events/query-expr";
import { textToFilter } from "@/lib/events/query-text";
import { eventSearch } from "@/lib/events/search-params";
import { isRangeInstant, type TimeRange } from "@/lib/events/time-range";
import type { TimeZoneChoice } from "@/lib/events/view";

/** What the link needs of an alert and of the rule that raised it. */
export interface LinkedAlert {
  firstAt: string;
  lastAt: string;
  dedupKey: string;
  actorKey: string | null;
}

export interface LinkedRule {
  query: string;
  condition: string;
  settings: unknown;
}

/** The explorer dimension that holds a rule's grouping key, where the explorer can filter by it exactly. */
const KEY_DIMENSION: Partial<Record<GroupKey, Dimension>> = { actor: "actor", ip: "ip", resource: "resource" };

const keyedSettings = z.looseObject({ groupBy: z.enum(GROUP_KEYS).optional(), then: z.string().optional() });

/** What the rule groups alerts by: its setting, else the actor (the engine's default, and what "after" rules key by). */
function groupKeyOf(rule: LinkedRule): GroupKey {
  const parsed = keyedSettings.safeParse(rule.settings);
  return (parsed.success ? parsed.data.groupBy : undefined) ?? "actor";
}

/**
 * The events a rule looked at, as one explorer filter: its query-bar text, or, for a
 * threshold with a "then" (failures, then a success), either of its two queries. Its own time
 * range is ignored (rules have none that counts).
 */
function ruleFilter(rule: LinkedRule, time: TimeRange): EventFilter {
  const settings = keyedSettings.safeParse(rule.settings);
  const then = rule.condition === "threshold" && settings.success ? settings.data.then?.trim() : undefined;
  const query = rule.query.trim();
  const text = then && query ? `(${query}) OR (${then})` : query;
  for (const candidate of text.length <= MAX_QUERY_LENGTH ? [text, query] : [query]) {
    const parsed = textToFilter(candidate);
    if (parsed.ok) return { ...parsed.filter, time };
  }
  // A rule whose text no longer parses (the language changed under it): its time span alone.
  return emptyFilter(time);
}

const bound = (iso: string, shiftMs = 0): string | null => {
  const date = new Date(Date.parse(iso) + shiftMs);
  return isRangeInstant(date) ? date.toISOString() : null;
};

/**
 * The explorer showing an alert's events, frozen in time: the rule's filter over the alert's
 * span (its first event to just after its last, `to` being exclusive), narrowed to the key the
 * rule grouped by (the actor, an address or a resource), oldest first. The explorer has no
 * filter by event gid, so this can show more than the alert holds: events the rule's
 * conditions on details (old_value, new_value …) or its threshold left out. The alert's own
 * events are listed by gid in its detail.
 */
export function alertEventsSearch(alert: LinkedAlert, rule: LinkedRule, tz: TimeZoneChoice = "local"): string {
  const filter = ruleFilter(rule, { kind: "absolute", from: bound(alert.firstAt), to: bound(alert.lastAt, 1) });
  const dimension = KEY_DIMENSION[groupKeyOf(rule)];
  const key = dimension === "actor" ? (alert.actorKey ?? alert.dedupKey) : alert.dedupKey;
  if (dimension && key && canFilter(dimension, key)) {
    const given = filter.include[dimension];
    // Values of one dimension are "any of": the key joins an empty list, or replaces a list
    // holding it; a list naming others (by name, say) is ANDed with the key instead.
    if (given.length === 0 || given.includes(key)) filter.include = { ...filter.include, [dimension]: [key] };
    else filter.expression = combine("and", [...(filter.expression ? [filter.expression] : []), term(dimension, key)]);
  }
  return eventSearch(filter, { sort: "oldest", tz });
}

export const alertEventsHref = (alert: LinkedAlert, rule: LinkedRule, tz?: TimeZoneChoice) => `/events${alertEventsSearch(alert, rule, tz)}`;

/** An actor's timeline around an alert: a day either side of its events, in the inbox's zone. */
export function actorTimelineHref(actorKey: string, alert: Pick<LinkedAlert, "firstAt" | "lastAt">, tz: TimeZoneChoice = "local"): string {
  const day = 86_400_000;
  const time: TimeRange = { kind: "absolute", from: bound(alert.firstAt, -day), to: bound(alert.lastAt, day) };
  return `/actors/${encodeURIComponent(actorKey)}${eventSearch(emptyFilter(time), { tz })}`;
}
