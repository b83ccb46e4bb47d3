import { EVENT_TYPES, eventTypeLabel } from "@/lib/asana/event-types";

/**
 * Free text that names an event type: "2fa", "two factor", "login failed". Event types live
 * in a column of their own, not in the text a search reads, so a search for what happened
 * would otherwise miss the events that say it only by their type.
 *
 * A term matches a catalogue type whose name or label contains it, words compared without
 * case and with spaces, dashes and underscores alike; a few words people use for what
 * Asana spells out are read as Asana's.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ["2fa", "two factor"],
  ["mfa", "two factor"],
  ["2 factor", "two factor"],
  ["two-step", "two factor"],
  ["sign in", "login"],
  ["signin", "login"],
  ["log in", "login"],
  ["sign out", "logged out"],
  ["logout", "logged out"],
  ["log out", "logged out"],
  ["removed", "deleted"],
]);

/** Shorter terms match too much to mean a type ("a", "in"). */
const MIN_LENGTH = 3;

const words = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, " ").trim();

const HAYSTACKS: readonly { type: string; text: string }[] = EVENT_TYPES.map((t) => ({ type: t.event_type, text: `${words(t.event_type)}\n${words(eventTypeLabel(t.event_type))}` }));

export function eventTypesMatchingText(term: string): string[] {
  const wanted = words(term.slice(0, 200));
  if (wanted.length < MIN_LENGTH) return [];
  let needle = wanted;
  for (const [from, to] of SYNONYMS) needle = needle.replace(new RegExp(`(^| )${from.replace(/-/g, " ")}( |$)`), `$1${to}$2`);
  return HAYSTACKS.filter((h) => h.text.includes(needle) || h.text.includes(wanted)).map((h) => h.type);
}
