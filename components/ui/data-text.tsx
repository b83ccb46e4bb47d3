import { Fragment } from "react";
import { formatCount } from "@/lib/format/time";
import { DEFAULT_MAX, partText, revealText, type TextPart } from "@/lib/format/visible-text";
import { cn } from "@/lib/utils";

/**
 * A stored value as text: isolated from the text around it (<bdi>), every character that
 * draws nothing shown as a marked name (⟨RLO⟩), at most `max` characters, and free to wrap
 * anywhere so that one long token cannot widen the page. Every name, type, e-mail, user
 * agent or detail Asana sent goes through here (or through visibleText for attributes).
 */
export interface DataTextProps {
  value: string;
  /** Characters shown at most; the rest is cut with "…". */
  max?: number;
  /** The value's whole length when the server already cut it (list answers). */
  fullLength?: number;
  /** The server cut the value, length unknown. */
  cut?: boolean;
  /** What the title of a cut value says instead of pointing to the event's page. */
  cutTitle?: string;
  /** Keep line feeds and tabs (in a <pre>). */
  keepLines?: boolean;
  className?: string;
}

/**
 * Chromium's HTML parser splits a text node longer than 65,536 characters into several, which
 * React's hydration then reads as text that differs from its own (error #418 on an event whose
 * raw JSON is shown whole up to 200,000 characters). Longer text goes in spans of at most this
 * many, never between the two halves of a surrogate pair.
 */
const TEXT_NODE_MAX = 32_768;
function textChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + TEXT_NODE_MAX);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

export function DataParts({ parts }: { parts: TextPart[] }) {
  return parts.map((part, i) =>
    part.kind === "text" ? (
      part.text.length <= TEXT_NODE_MAX ? (
        part.text
      ) : (
        <Fragment key={i}>
          {textChunks(part.text).map((chunk, j) => (
            <span key={j}>{chunk}</span>
          ))}
        </Fragment>
      )
    ) : (
      <span
        key={i}
        data-hidden-char={part.kind === "hidden" ? part.label : "marks"}
        title={part.kind === "hidden" ? part.title : `${formatCount(part.count)} more combining marks on the letter before, not drawn`}
        className="mx-px rounded-sm border border-warning/40 bg-warning/10 px-0.5 font-mono text-[0.75em] font-normal text-warning not-italic no-underline"
      >
        {partText(part)}
      </span>
    ),
  );
}

/** "200,000 characters in all" for a title, when part of the value is not shown. */
function cutNote(fullLength: number | undefined): string {
  return fullLength !== undefined ? `${formatCount(fullLength)} characters in all; open the event to read every one` : "Cut here; the event's own page shows all of it";
}

export function DataText({ value, max = DEFAULT_MAX, fullLength, cut: serverCut, cutTitle, keepLines, className }: DataTextProps) {
  const { parts, cut } = revealText(value, { max, keepLines });
  const isCut = cut || serverCut || fullLength !== undefined;
  return (
    <bdi className={cn("[overflow-wrap:anywhere]", className)} data-cut={isCut || undefined} title={isCut ? (cutTitle ?? cutNote(fullLength)) : undefined}>
      <DataParts parts={parts} />
      {isCut ? <span className="text-muted-foreground">…</span> : null}
    </bdi>
  );
}
