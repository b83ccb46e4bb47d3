"use client";

import { useState, type FormEvent } from "react";
import { CircleAlert, CircleHelp, Search } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { filterToText, textToFilter, type TextError } from "@/lib/events/query-text";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

export const QUERY_BAR_ID = "event-query";

const EXAMPLES = [
  ["actor:alice@example.com", "one actor, by e-mail, gid or part of a name"],
  ["type:task_deleted,project_deleted", "either event type"],
  ["-ip:10.0.0.0/8", "leave out an address range"],
  ["category:admin_settings since:30d", "a category over the last 30 days"],
  ["from:2026-11-20 to:2026-11-21", "an absolute range (UTC unless an offset is given)"],
  ["since:today", "a calendar range in your zone: today, yesterday, this_week, this_month, last_month"],
  ['"quarterly plan" -draft', "free text in names, e-mails and details"],
] as const;

/**
 * The filter as text, for people who type. It shows the URL's filter and, on Enter, writes
 * the text back as the filter; a mistake is pointed at, and nothing changes until it is
 * fixed. The text being edited lives in the input itself: the parent remounts this bar
 * (by key) whenever the filter changes elsewhere, so the two never disagree.
 */
export function QueryBar({ filter, onSubmit }: { filter: EventFilter; onSubmit: (filter: EventFilter) => void }) {
  const [errors, setErrors] = useState<{ text: string; errors: TextError[] } | null>(null);
  // Absolute times in the chosen zone, with their offset (UTC's "Z" until the browser's zone is known).
  const zone = useZone(useZoneChoice()) ?? undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("q") ?? "");
    const parsed = textToFilter(text, filter.time);
    if (parsed.ok) {
      setErrors(null);
      onSubmit(parsed.filter);
    } else setErrors({ text, errors: parsed.errors });
  };

  return (
    <form role="search" aria-label="Query events" onSubmit={submit} className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <input
            id={QUERY_BAR_ID}
            name="q"
            defaultValue={filterToText(filter, zone)}
            spellCheck={false}
            autoComplete="off"
            aria-label="Query"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${QUERY_BAR_ID}-errors` : `${QUERY_BAR_ID}-hint`}
            onChange={() => errors && setErrors(null)}
            placeholder="actor:alice@example.com type:task_deleted -ip:10.0.0.0/8 since:7d"
            className="h-10 w-full rounded-md border border-input bg-background pr-16 pl-9 font-mono text-[13px] shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/20"
          />
          <kbd id={`${QUERY_BAR_ID}-hint`} className="pointer-events-none absolute top-1/2 right-2.5 hidden -translate-y-1/2 rounded border bg-muted px-1.5 font-mono text-[11px] text-muted-foreground sm:block">
            <span className="sr-only">Press slash to focus the query, Enter to apply it</span>
            <span aria-hidden>/ · ↵</span>
          </kbd>
        </div>
        <Button type="submit" variant="secondary" className="h-10">
          Apply
        </Button>
        <Popover>
          <PopoverTrigger asChild>
            <Button variant="ghost" size="icon" className="size-10" aria-label="Query syntax">
              <CircleHelp />
            </Button>
          </PopoverTrigger>
          <PopoverContent align="end" className="w-[26rem]">
            <p className="mb-2 text-sm font-medium">Query syntax</p>
            <p className="mb-2 text-xs text-muted-foreground">
              <code>field:value</code> keeps, <code>-field:value</code> leaves out, <code>field:a,b</code> means either. Fields: type, category, actor_type, actor, resource_type, resource, ip,
              context, auth, app; time: since, from, to. Other words search names, e-mails and details.
            </p>
            <dl className="grid gap-1.5 text-xs">
              {EXAMPLES.map(([example, meaning]) => (
                <div key={example} className="grid gap-0.5">
                  <dt>
                    <code className="rounded bg-muted px-1 py-0.5 font-mono">{example}</code>
                  </dt>
                  <dd className="text-muted-foreground">{meaning}</dd>
                </div>
              ))}
            </dl>
          </PopoverContent>
        </Popover>
      </div>
      {errors ? (
        <ul id={`${QUERY_BAR_ID}-errors`} role="alert" className="flex flex-col gap-1 text-[13px] text-destructive">
          {errors.errors.map((e, i) => (
            <li key={i} className="flex items-start gap-1.5">
              <CircleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              <span>
                {e.end > e.start && e.end - e.start < errors.text.length ? (
                  <code className="mr-1 rounded bg-destructive/10 px-1 font-mono">{errors.text.slice(e.start, e.end)}</code>
                ) : null}
                {e.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
