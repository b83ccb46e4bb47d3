import type { SearchParams } from "nuqs/server";

/** A page's searchParams as URLSearchParams, repeated keys kept (the parser reports them). */
export function toSearchParams(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) search.append(key, v);
  return search;
}

/**
 * Timelines open on all time: a person's or a resource's history is the point of the page.
 * The explorer's parameters default to seven days, so a link without a range gets one here.
 */
export function withAllTimeDefault(search: URLSearchParams): URLSearchParams | null {
  if (search.has("range") || search.has("from") || search.has("to")) return null;
  const next = new URLSearchParams(search);
  next.set("range", "all");
  return next;
}
