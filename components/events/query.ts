/**
 * The query bar's data in the browser: completions only the data knows (actors, OAuth apps,
 * IP addresses), from GET /api/events/suggest.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Completion } from "@/lib/events/query-complete";
import { suggestSearch, type SuggestField } from "@/lib/events/suggest-params";
import { fetchJson } from "@/lib/query/query-client";

export function useSuggestions(request: { field: SuggestField; prefix: string } | undefined) {
  return useQuery({
    queryKey: ["events", "suggest", request?.field, request?.prefix],
    queryFn: ({ signal }) => fetchJson<{ items: Completion[] }>(`/api/events/suggest${suggestSearch.search({ field: request!.field, prefix: request!.prefix, limit: 8 })}`, { signal }),
    enabled: request !== undefined,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
