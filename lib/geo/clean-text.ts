/**
 * Names the location databases hold (cities, regions, network organisations) are upstream
 * data like Asana's: they reach the pages and the database, so each is cut to a sane length
 * and loses what draws nothing or reorders text around it (control characters, bidi
 * controls), before it is stored or shown.
 */
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;
const SPACES = /\s+/g;

/** The text cleaned and cut to `max` characters, or null when nothing is left (or it is no string). */
export function cleanName(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  // Bounded before any regular expression runs over it: a name can be megabytes.
  let text = value.slice(0, max * 2).toWellFormed().replace(INVISIBLE, "").replace(SPACES, " ").trim();
  if (text.length > max) {
    text = text.slice(0, max);
    // Never end on half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
    text = text.trimEnd();
  }
  return text === "" ? null : text;
}
