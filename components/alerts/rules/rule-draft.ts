import { CITY_ACCURACY_KM, IMPOSSIBLE_SPEED_KMH } from "@/lib/geo/travel";
import type { ConditionKind, DetailsCondition, GroupKey, RuleCondition, RuleInput, SeenField, Severity } from "@/lib/detections/rule";

/**
 * The rule form's state: every condition's fields at once (switching the condition keeps what
 * was typed), durations as a number and a unit, details values as typed text. `toInput` turns
 * it into what the API takes; the server checks it.
 */
export type Unit = "minutes" | "hours" | "days";
export const UNIT_SECONDS: Record<Unit, number> = { minutes: 60, hours: 3_600, days: 86_400 };

export interface Duration {
  value: string;
  unit: Unit;
}

export interface DraftDetails {
  path: string;
  values: string;
  negate: boolean;
}

export interface RuleDraft {
  name: string;
  description: string;
  runbook: string;
  helpUrl: string;
  query: string;
  details: DraftDetails[];
  savedQueryId: string | null;
  severity: Severity;
  dedup: Duration;
  enabled: boolean;
  condition: ConditionKind;
  groupBy: GroupKey;
  threshold: string;
  window: Duration;
  distinct: "" | "actor" | "ip" | "resource";
  then: string;
  field: SeenField;
  lookback: Duration;
  marker: string;
  cancel: string;
  speedKmh: string;
  accuracyKm: string;
}

/** The largest unit a number of seconds is a whole number of. */
export function toDuration(seconds: number): Duration {
  for (const unit of ["days", "hours", "minutes"] as const) if (seconds % UNIT_SECONDS[unit] === 0) return { value: String(seconds / UNIT_SECONDS[unit]), unit };
  return { value: String(Math.round(seconds / 60)), unit: "minutes" };
}

const seconds = (d: Duration) => Math.round(Number(d.value) * UNIT_SECONDS[d.unit]);

export const EMPTY_DRAFT: RuleDraft = {
  name: "",
  description: "",
  runbook: "",
  helpUrl: "",
  query: "",
  details: [],
  savedQueryId: null,
  severity: "medium",
  dedup: { value: "1", unit: "hours" },
  enabled: true,
  condition: "match",
  groupBy: "actor",
  threshold: "20",
  window: { value: "1", unit: "hours" },
  distinct: "",
  then: "",
  field: "ip",
  lookback: { value: "30", unit: "days" },
  marker: "",
  cancel: "",
  speedKmh: String(IMPOSSIBLE_SPEED_KMH),
  accuracyKm: String(CITY_ACCURACY_KM),
};

export function draftOf(rule: RuleInput): RuleDraft {
  const draft: RuleDraft = {
    ...EMPTY_DRAFT,
    name: rule.name,
    description: rule.description,
    runbook: rule.runbook,
    helpUrl: rule.helpUrl ?? "",
    query: rule.query,
    details: rule.detailsMatch.map((d) => ({ path: d.path, values: d.anyOf.join(", "), negate: d.negate ?? false })),
    savedQueryId: rule.savedQueryId,
    severity: rule.severity,
    dedup: toDuration(rule.dedupSeconds),
    enabled: rule.enabled,
    condition: rule.condition,
  };
  switch (rule.condition) {
    case "match":
      return { ...draft, groupBy: rule.settings.groupBy };
    case "threshold":
      return { ...draft, groupBy: rule.settings.groupBy, threshold: String(rule.settings.threshold), window: toDuration(rule.settings.windowSeconds), distinct: rule.settings.distinct ?? "", then: rule.settings.then ?? "" };
    case "first_seen":
      return { ...draft, groupBy: rule.settings.groupBy, field: rule.settings.field, lookback: toDuration(rule.settings.lookbackSeconds) };
    case "after":
      return { ...draft, marker: rule.settings.marker, cancel: rule.settings.cancel ?? "" };
    case "travel":
      return { ...draft, speedKmh: String(rule.settings.speedKmh), accuracyKm: String(rule.settings.accuracyKm) };
  }
}

const detailsOf = (d: DraftDetails): DetailsCondition => ({
  path: d.path.trim(),
  anyOf: d.values
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
  ...(d.negate ? { negate: true } : {}),
});

/** The condition and its settings as the API takes them. */
export function conditionOf(draft: RuleDraft): RuleCondition {
  switch (draft.condition) {
    case "match":
      return { condition: "match", settings: { groupBy: draft.groupBy } };
    case "threshold":
      return {
        condition: "threshold",
        settings: { groupBy: draft.groupBy, threshold: Number(draft.threshold), windowSeconds: seconds(draft.window), ...(draft.distinct ? { distinct: draft.distinct } : {}), ...(draft.then.trim() ? { then: draft.then.trim() } : {}) },
      };
    case "first_seen":
      return { condition: "first_seen", settings: { groupBy: draft.groupBy === "app" || draft.groupBy === "none" ? "actor" : draft.groupBy, field: draft.field, lookbackSeconds: seconds(draft.lookback) } };
    case "after":
      return { condition: "after", settings: { marker: draft.marker.trim(), ...(draft.cancel.trim() ? { cancel: draft.cancel.trim() } : {}) } };
    case "travel":
      return { condition: "travel", settings: { speedKmh: Number(draft.speedKmh), accuracyKm: Number(draft.accuracyKm) } };
  }
}

export function toInput(draft: RuleDraft): RuleInput {
  return {
    name: draft.name,
    description: draft.description,
    runbook: draft.runbook,
    helpUrl: draft.helpUrl.trim() || null,
    query: draft.query,
    detailsMatch: draft.details.map(detailsOf),
    savedQueryId: draft.savedQueryId,
    severity: draft.severity,
    dedupSeconds: seconds(draft.dedup),
    enabled: draft.enabled,
    ...conditionOf(draft),
  } as RuleInput;
}
