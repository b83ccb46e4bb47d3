import { humanize } from "@/lib/asana/event-types";

/**
 * Series colours, fixed per value so that "Logins" is the same colour in every panel and
 * every theme (the CSS variables switch with it). Deletions take the destructive hue.
 * Lookups are Maps: a category or actor type named "constructor" or "__proto__" is only a
 * value that none of these lists knows.
 */
const CATEGORY_COLORS: ReadonlyMap<string, string> = new Map([
  ["logins", "var(--chart-1)"],
  ["user_updates", "var(--chart-2)"],
  ["admin_settings", "var(--chart-3)"],
  ["roles", "var(--chart-4)"],
  ["access_control", "var(--chart-5)"],
  ["content_export", "var(--chart-6)"],
  ["apps", "var(--chart-7)"],
  ["creation", "var(--chart-8)"],
  ["deletion", "var(--destructive)"],
]);

const ACTOR_TYPE_COLORS: ReadonlyMap<string, string> = new Map([
  ["user", "var(--chart-1)"],
  ["asana", "var(--chart-8)"],
  ["asana_support", "var(--chart-4)"],
  ["anonymous", "var(--chart-3)"],
  ["external_administrator", "var(--chart-5)"],
]);

const FALLBACK = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)", "var(--chart-6)", "var(--chart-7)", "var(--chart-8)"];
export const OTHER_COLOR = "var(--muted-foreground)";

export function seriesColor(kind: "category" | "actorType" | "any", key: string, index = 0): string {
  if (key === "") return OTHER_COLOR;
  const fixed = kind === "category" ? CATEGORY_COLORS.get(key) : kind === "actorType" ? ACTOR_TYPE_COLORS.get(key) : undefined;
  return fixed ?? FALLBACK[index % FALLBACK.length]!;
}

const ACTOR_TYPE_LABELS: ReadonlyMap<string, string> = new Map([
  ["user", "Users"],
  ["asana", "Asana (system)"],
  ["asana_support", "Asana support"],
  ["anonymous", "Anonymous"],
  ["external_administrator", "External administrators"],
]);

export function actorTypeLabel(value: string): string {
  return ACTOR_TYPE_LABELS.get(value) ?? humanize(value);
}

const ACTOR_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ["user", "User"],
  ["asana", "Asana"],
  ["asana_support", "Asana support"],
  ["anonymous", "Anonymous"],
  ["external_administrator", "External administrator"],
]);

/** One actor's type, as a badge says it. */
export function actorTypeName(value: string): string {
  return ACTOR_TYPE_NAMES.get(value) ?? humanize(value);
}
