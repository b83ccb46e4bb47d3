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
