"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import type { EventPage } from "@/lib/events/list-events";
import { decodeCursor, PAGE_SIZES, type Cursor, type EventView, type PageSize } from "@/lib/events/view";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const cursor = (text: string): Cursor | null => {
  const c = decodeCursor(text);
  return "error" in c ? null : c;
};

/** Newer/older by keyset (no page numbers: a page number over a live log means nothing). */
export function Pagination({ page, view, setView }: { page: EventPage | undefined; view: EventView; setView: (patch: Partial<EventView>) => unknown }) {
  const newest = view.sort === "newest";
  const go = (text: string | null, direction: "after" | "before") => {
    const c = text ? cursor(text) : null;
    if (c) setView({ page: direction === "after" ? { after: c } : { before: c } });
  };
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2">
      <div className="flex items-center gap-2 text-sm text-muted-foreground">
        <span>Rows per page</span>
        <Select value={String(view.size)} onValueChange={(v) => setView({ size: Number(v) as PageSize, page: null })}>
          <SelectTrigger size="sm" aria-label="Rows per page" className="w-20">
            <SelectValue>{view.size}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            {PAGE_SIZES.map((s) => (
              <SelectItem key={s} value={String(s)}>
                {s}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex items-center gap-1">
        <Button variant="ghost" size="sm" disabled={view.page === null} onClick={() => setView({ page: null })}>
          <ChevronsLeft />
          {newest ? "Newest" : "Oldest"}
        </Button>
        <Button variant="outline" size="sm" disabled={!page?.prev} onClick={() => go(page?.prev ?? null, "before")}>
          <ChevronLeft />
          {newest ? "Newer" : "Earlier"}
        </Button>
        <Button variant="outline" size="sm" disabled={!page?.next} onClick={() => go(page?.next ?? null, "after")}>
          {newest ? "Older" : "Later"}
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
