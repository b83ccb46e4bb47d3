/**
 * What the sync had to change in an event's searchable columns so that PostgreSQL could hold
 * it. The event's `raw` always keeps Asana's original text; `audit_event.alterations` lists
 * these, and the event's detail says them in words. Client-safe: no data access here.
 */
export const ALTERATION_KINDS = ["nul", "surrogate", "number", "depth", "length", "gid", "date", "ip", "more"] as const;
export type AlterationKind = (typeof ALTERATION_KINDS)[number];

export interface Alteration {
  /** Where in the event, as `resource.name` or `details.items[3]`; `(key)` marks an object key. */
  path: string;
  kind: AlterationKind;
  /** For "more": how many further alterations were not listed. */
  count?: number;
}

/** At most this many are kept per event; the rest are counted in one "more" entry. */
export const MAX_ALTERATIONS_LISTED = 20;

const WHY: ReadonlyMap<AlterationKind, string> = new Map([
  ["nul", "held a NUL character (U+0000), which PostgreSQL text cannot store; it is shown as U+FFFD (�)"],
  ["surrogate", "held an unpaired UTF-16 surrogate, which is not a character; it is shown as U+FFFD (�)"],
  ["number", "held a number PostgreSQL cannot represent; it is kept as text"],
  ["depth", "was nested deeper than the dashboard keeps in its columns; it is replaced by a note"],
  ["length", "was longer than an indexed column can hold; it is cut short and ends with a hash of the whole value, so that different values stay different"],
  ["gid", "was not a gid a link can carry (letters, digits, _ and -, at most 64 characters); the event is filed under its safe part and a hash of the whole"],
  ["date", "was a date the archive cannot hold as written (year 0000, an offset past ±15:59, or an instant before year 1 or after 9999 in UTC); it is stored as the same instant in UTC, or the nearest one in years 1 to 9999"],
  ["ip", "was not an IP address PostgreSQL can hold; the event has no address in its columns"],
  ["more", "and further places like the ones above"],
] as const);

/** One alteration in words: "resource.name held a NUL character …". */
export function describeAlteration(a: Alteration): string {
  if (a.kind === "more") return `${a.count ?? 0} more place(s) were altered the same ways`;
  return `${a.path} ${WHY.get(a.kind) ?? "was altered for storage"}.`;
}

export function isAlteration(value: unknown): value is Alteration {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { path?: unknown; kind?: unknown };
  return typeof v.path === "string" && typeof v.kind === "string" && (ALTERATION_KINDS as readonly string[]).includes(v.kind);
}
