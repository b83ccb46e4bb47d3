import type { EventPage } from "./list-events";

/**
 * What a page of the explorer means to the reader once free text is read in bounded batches
 * (list-events.ts): rows to show, a search still under way, or a settled "nothing".
 *   - "rows": events to show;
 *   - "searching": this batch found nothing and the range goes on (the explorer reads on by itself);
 *   - "no-match": nothing matches anywhere in the range (the search began at its start);
 *   - "end": nothing more in this direction, past a page the reader opened.
 */
export type ScanOutcome = "rows" | "searching" | "no-match" | "end";

/** A list answer, with the flag the server may add to say it answered the whole range at once. */
export type ListAnswer = Pick<EventPage, "events" | "scanned" | "next"> & { complete?: boolean };

/**
 * The one place that decides whether an answer is whole: the server's own word when it gives
 * one (`complete`), otherwise a page that did not stop at the scan budget and has no next page.
 */
export function answerIsComplete(page: ListAnswer): boolean {
  if (typeof page.complete === "boolean") return page.complete;
  return page.scanned === null && page.next === null;
}

/** `fromStart`: the reading began at the first page of the range (no cursor in the URL). */
export function scanOutcome(page: ListAnswer, fromStart: boolean): ScanOutcome {
  if (page.events.length > 0) return "rows";
  if (answerIsComplete(page)) return fromStart ? "no-match" : "end";
  return page.scanned ? "searching" : "end";
}

/**
 * How much of the range a search has read, 0 to 1: from the end it started at (the range's
 * newest instant when newest first) to the instant reached. Null when the range has no known
 * far end (all time, before the oldest stored event is known).
 */
export function scanProgress(reached: string, bounds: { from: string | null; to: string }, newestFirst: boolean): number | null {
  if (bounds.from === null) return null;
  const from = Date.parse(bounds.from);
  const to = Date.parse(bounds.to);
  const at = Date.parse(reached);
  if (!(to > from) || Number.isNaN(at)) return null;
  const done = newestFirst ? (to - at) / (to - from) : (at - from) / (to - from);
  return Math.min(1, Math.max(0, done));
}
