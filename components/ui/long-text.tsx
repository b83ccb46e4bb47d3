"use client";

import { useState } from "react";
import { formatCount } from "@/lib/format/time";
import { DataText } from "./data-text";

/** What a detail shows of a value before "Show all": a few screenfuls at most. */
export const LONG_TEXT_SHOWN = 600;
/** Past this even "Show all" stops: the copy button and the original JSON hold the rest. */
export const LONG_TEXT_LIMIT = 1_000_000;

/**
 * A value on an event's own page, where it is read in full: a long one starts cut, with a
 * button that shows every character (wrapped, never widening the page).
 */
export function LongText({ value, keepLines, className }: { value: string; keepLines?: boolean; className?: string }) {
  const [all, setAll] = useState(false);
  const long = value.length > LONG_TEXT_SHOWN;
  return (
    <>
      <DataText value={value} max={all ? LONG_TEXT_LIMIT : LONG_TEXT_SHOWN} keepLines={keepLines} className={className} cutTitle={`${formatCount(value.length)} characters in all`} />
      {long ? (
        <button type="button" onClick={() => setAll(!all)} className="ml-1 text-xs text-primary underline-offset-2 hover:underline" aria-expanded={all}>
          {all ? "Show less" : `Show all ${formatCount(value.length)} characters`}
        </button>
      ) : null}
    </>
  );
}
