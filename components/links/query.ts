/**
 * Last known names of actors and resources shown by id (filter chips, rows of a deleted
 * resource, an event's drawer): one lookup per set of values, through TanStack Query, so that
 * the chips and the rows of one page share it and a name once read is not asked for again.
 */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { KnownActor, KnownNames, KnownResource } from "@/lib/names/known-names";
import { knownNamesSearch, MAX_NAMED } from "@/lib/names/search-params";

export const nameKeys = {
  all: ["names"] as const,
  lookup: (actor: string[], resource: string[]) => [...nameKeys.all, actor, resource] as const,
};

const distinct = (values: readonly (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 200))].sort().slice(0, MAX_NAMED);

export const knownNamesQuery = (actor: string[], resource: string[]) =>
  queryOptions({
    queryKey: nameKeys.lookup(actor, resource),
    queryFn: ({ signal }) => fetchJson<KnownNames>(`/api/names${knownNamesSearch.search({ actor, resource })}`, { signal }),
    enabled: actor.length + resource.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export interface NameBook {
  actor: (key: string) => KnownActor | undefined;
  resource: (gid: string) => KnownResource | undefined;
}

/** Who these actor keys and resource gids are; unknown ones (and all, while loading) give undefined. */
export function useKnownNames(actorKeys: readonly (string | null | undefined)[], resourceGids: readonly (string | null | undefined)[]): NameBook {
  const { data } = useQuery(knownNamesQuery(distinct(actorKeys), distinct(resourceGids)));
  const actors = new Map((data?.actors ?? []).map((a) => [a.key, a]));
  const resources = new Map((data?.resources ?? []).map((r) => [r.gid, r]));
  return { actor: (key) => actors.get(key), resource: (gid) => resources.get(gid) };
}
