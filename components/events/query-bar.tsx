"use client";

import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { CircleAlert, Search } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { completionsAt, type Completions } from "@/lib/events/query-complete";
import { filterToText, textToFilter, type TextError } from "@/lib/events/query-text";
import { useZoneChoice } from "@/lib/events/use-event-params";
import { useZone } from "@/lib/time/use-local-zone";
import { cn } from "@/lib/utils";
import { DataText } from "@/components/ui/data-text";
import { Button } from "@/components/ui/button";
import { useSuggestions } from "./query";
import { QueryHelp } from "./query-help";

export const QUERY_BAR_ID = "event-query";
const LISTBOX_ID = `${QUERY_BAR_ID}-suggestions`;

/**
 * The filter as text, for people who type. It shows the URL's filter and, on Enter, writes
 * the text back as the filter; a mistake is pointed at, and nothing changes until it is
 * fixed. The text being edited lives in the input itself: the parent remounts this bar
 * (by key) whenever the filter changes elsewhere, so the two never disagree.
 *
 * Completions follow the ARIA combobox pattern: arrows move through them, Enter or Tab takes
 * the highlighted one, Escape closes the list.
 */
export function QueryBar({ filter, onSubmit }: { filter: EventFilter; onSubmit: (filter: EventFilter) => void }) {
  const [errors, setErrors] = useState<{ text: string; errors: TextError[] } | null>(null);
  const [suggest, setSuggest] = useState<(Completions & { active: number }) | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const remote = useSuggestions(suggest?.remote);
  // Values from the data arrive after a request; while it runs, the last answer stays.
  const items = (suggest?.remote ? remote.data?.items : suggest?.items) ?? [];
  // Absolute times in the chosen zone, with their offset (UTC's "Z" until the browser's zone is known).
  const zone = useZone(useZoneChoice()) ?? undefined;

  const apply = (text: string) => {
    const parsed = textToFilter(text, filter.time);
    if (parsed.ok) {
      setErrors(null);
      onSubmit(parsed.filter);
    } else setErrors({ text, errors: parsed.errors });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuggest(null);
    apply(String(new FormData(event.currentTarget).get("q") ?? ""));
  };

  const refresh = () => {
    const el = input.current;
    if (!el) return;
    const found = completionsAt(el.value, el.selectionStart ?? el.value.length);
    setSuggest(found ? { ...found, active: -1 } : null);
  };

  const accept = (index: number) => {
    const el = input.current;
    if (!el || !suggest) return;
    const item = items[index];
    if (!item) return;
    el.value = el.value.slice(0, suggest.start) + item.insert + el.value.slice(suggest.end);
    const caret = suggest.start + item.insert.length;
    el.setSelectionRange(caret, caret);
    setSuggest(null);
    if (!item.insert.endsWith(":")) return;
    const next = completionsAt(el.value, caret);
    setSuggest(next ? { ...next, active: -1 } : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!suggest || items.length === 0) return;
    const count = items.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setSuggest({ ...suggest, active: (suggest.active + step + count + (suggest.active < 0 && step < 0 ? 1 : 0)) % count });
    } else if ((event.key === "Enter" || event.key === "Tab") && (suggest.active >= 0 || event.key === "Tab")) {
      event.preventDefault();
      accept(Math.max(0, suggest.active));
    } else if (event.key === "Escape") {
      event.preventDefault();
      setSuggest(null);
    }
  };

  const open = suggest !== null && items.length > 0;
  return (
    <form role="search" aria-label="Query events" onSubmit={submit} className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <input
            ref={input}
            id={QUERY_BAR_ID}
            name="q"
            defaultValue={filterToText(filter, zone)}
            spellCheck={false}
            autoComplete="off"
            role="combobox"
            aria-label="Query"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={LISTBOX_ID}
            aria-activedescendant={open && suggest.active >= 0 ? `${LISTBOX_ID}-${suggest.active}` : undefined}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${QUERY_BAR_ID}-errors` : `${QUERY_BAR_ID}-hint`}
            onChange={() => {
              if (errors) setErrors(null);
              refresh();
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setSuggest(null)}
            placeholder="actor:alice@example.com type:task_deleted -ip:10.0.0.0/8 since:7d"
            className="h-10 w-full rounded-md border border-input bg-background pr-16 pl-9 font-mono text-[13px] shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/20"
          />
          <kbd id={`${QUERY_BAR_ID}-hint`} className="pointer-events-none absolute top-1/2 right-2.5 hidden -translate-y-1/2 rounded border bg-muted px-1.5 font-mono text-[11px] text-muted-foreground sm:block">
            <span className="sr-only">Press slash to focus the query, Enter to apply it</span>
            <span aria-hidden>/ · ↵</span>
          </kbd>
          <ul id={LISTBOX_ID} role="listbox" aria-label="Suggestions" hidden={!open} className="absolute top-full right-0 left-0 z-50 mt-1 max-h-72 overflow-y-auto rounded-md border bg-popover p-1 shadow-md">
            {(open ? items : []).map((item, i) => (
              <li
                key={`${item.label}-${i}`}
                id={`${LISTBOX_ID}-${i}`}
                role="option"
                aria-selected={i === suggest?.active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  accept(i);
                }}
                className={cn("flex cursor-pointer items-baseline justify-between gap-3 rounded-sm px-2 py-1 text-[13px]", i === suggest?.active && "bg-accent text-accent-foreground")}
              >
                <span className="min-w-0 font-mono">
                  <DataText value={item.label} max={120} />
                </span>
                {item.detail ? (
                  <span className="truncate text-xs text-muted-foreground">
                    <DataText value={item.detail} max={120} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <Button type="submit" variant="secondary" className="h-10">
          Apply
        </Button>
        <QueryHelp
          onApply={(text) => {
            if (input.current) input.current.value = text;
            apply(text);
          }}
        />
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
