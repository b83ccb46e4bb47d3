import { z } from "zod";
import { CITY_ACCURACY_KM, IMPOSSIBLE_SPEED_KMH } from "@/lib/geo/travel";

/**
 * What a detection rule is: a filter of the explorer's (query-bar text, its time range
 * ignored; plus conditions on the event's details, which the query bar does not reach) and a
 * condition over the events it matches. Declared once here; the table detection_rule keeps
 * the condition's settings as JSON checked by these schemas.
 */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityRank = (s: string): number => Math.max(0, SEVERITIES.indexOf(s as Severity));

/** What alerts are grouped by, and what a threshold counts per. */
export const GROUP_KEYS = ["actor", "ip", "resource", "app", "none"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Values a "first seen" rule watches for each key. */
export const SEEN_FIELDS = ["ip", "country", "userAgent", "oauthApp", "resource"] as const;
export type SeenField = (typeof SEEN_FIELDS)[number];

export const CONDITIONS = ["match", "threshold", "first_seen", "after", "travel"] as const;
export type ConditionKind = (typeof CONDITIONS)[number];

/** Bounds on what an admin may set: every loop and read of the engine is bounded by them, not by the data. */
export const LIMITS = {
  threshold: 10_000,
  windowSeconds: 30 * 86_400,
  lookbackSeconds: 400 * 86_400,
  dedupSeconds: 365 * 86_400,
  queryLength: 2_000,
  detailsConditions: 8,
  detailsValues: 20,
  /** Slower than a car on a motorway is not a speed a sign-in's place can be judged by. */
  speedKmh: { min: 100, max: 20_000 },
  accuracyKm: 1_000,
} as const;

const days = (count: number) => `${(count / 86_400).toLocaleString("en")} days`;
/** A duration in whole seconds, bounded: every window and look-back of the engine is. */
export const durationSeconds = (max: number) => z.number({ error: "a duration" }).int("a whole number of seconds").min(1, "at least one second").max(max, `at most ${days(max)}`);
/** A rule's query-bar text (empty: every event). */
export const ruleQueryText = z.string().max(LIMITS.queryLength, `keep the query under ${LIMITS.queryLength.toLocaleString("en")} characters`);
/** A query that must say something: one of spaces would match every event. */
const queryText = ruleQueryText.trim().min(1, "enter a query");
const groupBy = z.enum(GROUP_KEYS, { error: `one of ${GROUP_KEYS.join(", ")}` });

export const matchSettings = z.strictObject({ groupBy: groupBy.default("actor") });

export const thresholdSettings = z.strictObject({
  groupBy: groupBy.default("actor"),
  threshold: z
    .number({ error: "a number of matches" })
    .int("a whole number of matches")
    .min(2, "at least 2 (to raise on every match, choose “Every match”)")
    .max(LIMITS.threshold, `at most ${LIMITS.threshold.toLocaleString("en")}`),
  windowSeconds: durationSeconds(LIMITS.windowSeconds),
  /** Count distinct values of this instead of events (an app authorised by five different users). */
  distinct: z.enum(["actor", "ip", "resource"], { error: "one of actor, ip, resource" }).optional(),
  /**
   * Raise on an event matching this query (query-bar text) from a key that reached the
   * threshold just before it: a successful sign-in after twenty failures.
   */
  then: queryText.optional(),
});

export const firstSeenSettings = z.strictObject({
  groupBy: z.enum(["actor", "ip", "resource"], { error: "one of actor, ip, resource" }).default("actor"),
  field: z.enum(SEEN_FIELDS, { error: `one of ${SEEN_FIELDS.join(", ")}` }),
  lookbackSeconds: durationSeconds(LIMITS.lookbackSeconds),
});

/**
 * Raise on an event by an actor who was, earlier, the resource of an event matching `marker`
 * (deprovisioned), unless an event matching `cancel` (reprovisioned) came in between.
 */
export const afterSettings = z.strictObject({
  marker: queryText,
  cancel: queryText.optional(),
});

/**
 * Impossible travel: an actor's event whose place lies further from their previous (or next)
 * located event matching the same query than `speedKmh` allows in the time between, after
 * `accuracyKm` at each end for city-level locations (lib/geo/travel.ts, as the actor page
 * reckons trips).
 */
export const travelSettings = z.strictObject({
  speedKmh: z
    .number({ error: "a speed in km/h" })
    .int("a whole number of km/h")
    .min(LIMITS.speedKmh.min, `at least ${LIMITS.speedKmh.min} km/h`)
    .max(LIMITS.speedKmh.max, `at most ${LIMITS.speedKmh.max.toLocaleString("en")} km/h`)
    .default(IMPOSSIBLE_SPEED_KMH),
  accuracyKm: z
    .number({ error: "a distance in km" })
    .int("a whole number of km")
    .min(0, "at least 0 km")
    .max(LIMITS.accuracyKm, `at most ${LIMITS.accuracyKm.toLocaleString("en")} km`)
    .default(CITY_ACCURACY_KM),
});

export const detailsCondition = z.strictObject({
  /** A key of the event's details: `new_value`, `old_value`, `app_name` … */
  path: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, "a details key: lower-case letters, digits and _"),
  anyOf: z
    .array(z.string().max(500, "keep each value under 500 characters"))
    .min(1, "give at least one value")
    .max(LIMITS.detailsValues, `at most ${LIMITS.detailsValues} values`),
  /** True: the value must be none of these (a missing value counts as none). */
  negate: z.boolean().optional(),
});
export type DetailsCondition = z.infer<typeof detailsCondition>;

export const ruleCondition = z.discriminatedUnion("condition", [
  z.strictObject({ condition: z.literal("match"), settings: matchSettings }),
  z.strictObject({ condition: z.literal("threshold"), settings: thresholdSettings }),
  z.strictObject({ condition: z.literal("first_seen"), settings: firstSeenSettings }),
  z.strictObject({ condition: z.literal("after"), settings: afterSettings }),
  z.strictObject({ condition: z.literal("travel"), settings: travelSettings }),
]);
export type RuleCondition = z.infer<typeof ruleCondition>;

/** A rule as the engine reads it. */
export type Rule = RuleCondition & {
  id: string;
  version: number;
  name: string;
  severity: Severity;
  query: string;
  detailsMatch: DetailsCondition[];
  dedupSeconds: number;
  enabled: boolean;
};

/** What an admin edits (and what a built-in rule declares). */
export const ruleInput = z
  .object({
    name: z.string().trim().min(1, "give the rule a name").max(200, "keep the name under 200 characters"),
    description: z.string().max(4_000, "keep the description under 4,000 characters").default(""),
    runbook: z.string().max(8_000, "keep the runbook under 8,000 characters").default(""),
    helpUrl: z.url({ protocol: /^https$/, error: "an https:// address" }).max(500, "keep the address under 500 characters").nullable().default(null),
    query: ruleQueryText,
    detailsMatch: z.array(detailsCondition).max(LIMITS.detailsConditions, `at most ${LIMITS.detailsConditions} conditions on details`).default([]),
    savedQueryId: z.string().max(100).nullable().default(null),
    severity: z.enum(SEVERITIES, { error: `one of ${SEVERITIES.join(", ")}` }),
    dedupSeconds: durationSeconds(LIMITS.dedupSeconds),
    enabled: z.boolean().default(true),
  })
  .and(ruleCondition);
export type RuleInput = z.infer<typeof ruleInput>;

/** A row of detection_rule read back as a Rule; null when its stored settings no longer parse. */
export function ruleFromRow(row: {
  id: string;
  version: number;
  name: string;
  severity: string;
  query: string;
  detailsMatch: unknown;
  condition: string;
  settings: unknown;
  dedupSeconds: number;
  enabled: boolean;
}): Rule | null {
  const condition = ruleCondition.safeParse({ condition: row.condition, settings: row.settings });
  const details = z.array(detailsCondition).safeParse(row.detailsMatch);
  const severity = z.enum(SEVERITIES).safeParse(row.severity);
  if (!condition.success || !details.success || !severity.success) return null;
  return { ...condition.data, id: row.id, version: row.version, name: row.name, severity: severity.data, query: row.query, detailsMatch: details.data, dedupSeconds: row.dedupSeconds, enabled: row.enabled };
}
