import { visibleText } from "@/lib/format/visible-text";
import { EVENT_TYPES, type EventTypeInfo } from "./emulator/event-types";

/**
 * The app's view of Asana's event-type catalogue. The data itself is generated once, beside
 * the emulator that replays it (lib/asana/emulator/event-types.ts); this module adds what the
 * explorer needs on top: categories as a closed list, readable labels and lookups.
 */
export { EVENT_TYPES, type EventTypeInfo };

export const EVENT_CATEGORIES = [
  "logins",
  "user_updates",
  "admin_settings",
  "roles",
  "access_control",
  "content_export",
  "apps",
  "creation",
  "deletion",
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<EventCategory, string> = {
  logins: "Logins",
  user_updates: "User updates",
  admin_settings: "Admin settings",
  roles: "Roles",
  access_control: "Access control",
  content_export: "Content export",
  apps: "Apps",
  creation: "Creation",
  deletion: "Deletion",
};

const BY_TYPE: ReadonlyMap<string, EventTypeInfo> = new Map(EVENT_TYPES.map((t) => [t.event_type, t]));

export function eventTypeInfo(eventType: string): EventTypeInfo | undefined {
  return BY_TYPE.get(eventType);
}

export function isEventCategory(value: string): value is EventCategory {
  return (EVENT_CATEGORIES as readonly string[]).includes(value);
}

// Words Asana writes in lower snake case that people read as acronyms or brand names. A Map:
// a type or key named "constructor" must not find Object's constructor here.
const WORD_FORMS: ReadonlyMap<string, string> = new Map([
  ["saml", "SAML"],
  ["sso", "SSO"],
  ["csv", "CSV"],
  ["baa", "BAA"],
  ["oauth", "OAuth"],
  ["api", "API"],
  ["ip", "IP"],
  ["url", "URL"],
  ["google", "Google"],
  ["harvest", "Harvest"],
  ["asana", "Asana"],
]);

/** Labels are cut here: a chart axis or a badge has room for a few words, not 200,000 characters. */
export const LABEL_MAX = 120;
const SNAKE = /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;

/**
 * "workspace_saml_settings_changed" → "Workspace SAML settings changed". A value that is not
 * snake case ("__proto__", a sentence, a name with a bidi override) is shown as it is, every
 * hidden character made visible, since rewording it would hide what Asana sent.
 */
export function humanize(snake: string): string {
  if (snake.length > LABEL_MAX || !SNAKE.test(snake)) return visibleText(snake, LABEL_MAX);
  return snake
    .split("_")
    .map((word, i) => WORD_FORMS.get(word) ?? (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(" ");
}

export function eventTypeLabel(eventType: string): string {
  return humanize(eventType);
}

export function categoryLabel(category: string | null | undefined): string {
  if (!category) return "Uncategorised";
  return isEventCategory(category) ? CATEGORY_LABELS[category] : humanize(category);
}

/** The catalogue's event types of each category, in catalogue order. */
export const EVENT_TYPES_BY_CATEGORY: ReadonlyMap<string, readonly EventTypeInfo[]> = (() => {
  const map = new Map<string, EventTypeInfo[]>();
  for (const info of EVENT_TYPES) map.set(info.event_category, [...(map.get(info.event_category) ?? []), info]);
  return map;
})();

/** Resource types the catalogue names, sorted: the resource-type dropdown's choices. */
export const RESOURCE_TYPES: readonly string[] = [...new Set(EVENT_TYPES.map((t) => t.resource_type))].sort();
