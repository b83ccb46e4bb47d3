import { ACTOR_TYPES, AUTH_METHODS, CONTEXT_TYPES } from "@/lib/asana/vocabulary";
import { CATEGORY_LABELS, EVENT_CATEGORIES, EVENT_TYPES, eventTypeLabel, RESOURCE_TYPES } from "@/lib/asana/event-types";
import { COUNTRY_CODES, countryName } from "@/lib/geo/country";
import { DIMENSION_SPECS, DIMENSIONS, type Dimension } from "./filters";
import { fieldNames, fieldTarget } from "./query-fields";
import type { SuggestField } from "./suggest-params";

/**
 * What the query bar offers at the caret: field names (with their aliases) while a word has
 * no colon, and values of the catalogue's closed lists after one (event types by name or
 * label, categories, actor types, resource types, contexts, auth methods, countries by code
 * or name, hosting). Pure, so the listbox and its tests share it.
 */
export interface Completion {
  /** The text that replaces [start, end) of the query. */
  insert: string;
  label: string;
  detail?: string;
}

export interface Completions {
  start: number;
  end: number;
  items: Completion[];
  /** Values only the data knows (actors, apps, IPs): what to ask the server for. */
  remote?: { field: SuggestField; prefix: string };
}

const REMOTE: Partial<Record<Dimension, SuggestField>> = { actor: "actor", oauthApp: "app", ip: "ip", asOrg: "org", asn: "asn" };

const MAX_ITEMS = 8;

const VALUES: Partial<Record<Dimension, readonly { value: string; detail?: string }[]>> = {
  eventType: EVENT_TYPES.map((t) => ({ value: t.event_type, detail: eventTypeLabel(t.event_type) })),
  category: EVENT_CATEGORIES.map((c) => ({ value: c, detail: CATEGORY_LABELS[c] })),
  actorType: ACTOR_TYPES.map((value) => ({ value })),
  resourceType: RESOURCE_TYPES.map((value) => ({ value })),
  contextType: CONTEXT_TYPES.map((value) => ({ value })),
  authMethod: AUTH_METHODS.map((value) => ({ value })),
  // Countries by code or by name: "germ" offers DE.
  country: COUNTRY_CODES.map((code) => ({ value: code, detail: countryName(code) })),
  hosting: [
    { value: "true", detail: "a hosting or cloud provider's network" },
    { value: "false", detail: "any other known network" },
  ],
};

const FIELD_ITEMS: readonly Completion[] = [
  ...DIMENSIONS.flatMap((d) => fieldNames(d).map((name) => ({ insert: `${name}:`, label: `${name}:`, detail: DIMENSION_SPECS[d].label }))),
  ...["since", "from", "to"].map((name) => ({ insert: `${name}:`, label: `${name}:`, detail: "Time range" })),
];

const norm = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, " ");

export function completionsAt(text: string, caret: number): Completions | null {
  const before = text.slice(0, caret);
  const wordStart = Math.max(before.lastIndexOf(" "), before.lastIndexOf("("), before.lastIndexOf(")")) + 1;
  let word = before.slice(wordStart);
  let start = wordStart;
  if (word.startsWith("-")) {
    word = word.slice(1);
    start++;
  }
  if (word.includes('"')) return null;
  const colon = word.indexOf(":");
  if (colon < 0) {
    if (word.length === 0) return null;
    const wanted = word.toLowerCase().replace(/^@/, "");
    const items = FIELD_ITEMS.filter((f) => f.label.startsWith(wanted) && f.label !== `${wanted}:`).slice(0, MAX_ITEMS);
    return items.length > 0 ? { start, end: caret, items } : null;
  }
  const target = fieldTarget(word.slice(0, colon));
  if (!target || !("dimension" in target)) return null;
  const piece = word.slice(colon + 1);
  const comma = piece.lastIndexOf(",");
  const typed = norm(piece.slice(comma + 1));
  const valueStart = start + colon + 1 + comma + 1;
  const remote = REMOTE[target.dimension];
  if (remote) return /[*?]/.test(piece) ? null : { start: valueStart, end: caret, items: [], remote: { field: remote, prefix: piece.slice(comma + 1) } };
  const values = VALUES[target.dimension];
  if (!values) return null;
  const items = values
    .filter((v) => norm(v.value).includes(typed) || (v.detail !== undefined && norm(v.detail).includes(typed)))
    .sort((a, b) => Number(!norm(a.value).startsWith(typed)) - Number(!norm(b.value).startsWith(typed)))
    .slice(0, MAX_ITEMS)
    .map((v) => ({ insert: v.value, label: v.value, detail: v.detail }));
  return items.length > 0 && !(items.length === 1 && items[0]!.insert === piece.slice(comma + 1)) ? { start: valueStart, end: caret, items } : null;
}
