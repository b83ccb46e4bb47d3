import type { ReactNode } from "react";
import { LongText } from "@/components/ui/long-text";

/** The pieces an event's detail is laid out with: labelled fields in titled sections. */

// minmax(0, 1fr) and wrapping anywhere: a 200,000-character token must wrap, not widen the page.
export function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 py-1 text-[13px]">
      <dt className="[overflow-wrap:anywhere] text-muted-foreground">{label}</dt>
      <dd className={mono ? "font-mono text-xs [overflow-wrap:anywhere]" : "[overflow-wrap:anywhere]"}>{children ?? <span className="text-muted-foreground/60">—</span>}</dd>
    </div>
  );
}

/** A stored value in full: invisible characters shown, long ones cut with "Show all"; null for none (Field shows a dash). */
export const text = (value: string | null) => (value === null ? null : <LongText value={value} />);

export function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="flex flex-col gap-1 border-t pt-3" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}
