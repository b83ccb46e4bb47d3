import "server-only";
import { hasConditions } from "@/lib/events/filters";
import { readEventParams } from "@/lib/events/http";
import type { TimeRange } from "@/lib/events/time-range";
import type { Cursor, PageSize } from "@/lib/events/view";
import { badRequest } from "@/lib/http/errors";

/**
 * The request of an actor's places or sign-ins: the explorer's time parameters (range, from,
 * to, tz) and, for a page of sign-ins, size and after. Other filters would be dropped without a
 * word, and places are counted per range only; they are refused with the reason instead.
 */
export function readActorRange(searchParams: URLSearchParams): { time: TimeRange; size: PageSize; after: Cursor | null } {
  const { filter, view } = readEventParams(searchParams);
  const errors: Array<{ param: string; message: string }> = [];
  if (hasConditions(filter)) errors.push({ param: "filter", message: "places and sign-ins are read over a time range only (range, from, to)" });
  if (view.sort !== "newest") errors.push({ param: "sort", message: "sign-ins are read newest first" });
  if (view.page && "before" in view.page) errors.push({ param: "before", message: "sign-ins are read newest first, each page after the one before (after=)" });
  if (errors.length > 0) throw badRequest(errors.map((e) => `${e.param}: ${e.message}`).join("; "), { errors });
  return { time: filter.time, size: view.size, after: view.page && "after" in view.page ? view.page.after : null };
}
