import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { CreateSavedQueryInput, SavedQueryView, UpdateSavedQueryInput } from "./schema";

export const savedQueryKeys = {
  all: ["saved-queries"] as const,
  list: () => [...savedQueryKeys.all, "list"] as const,
};

export const savedQueriesQuery = () =>
  queryOptions({
    queryKey: savedQueryKeys.list(),
    queryFn: ({ signal }) => fetchJson<SavedQueryView[]>("/api/saved-queries", { signal }),
  });

const send = <T,>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The mutations of saved queries: each refreshes the list once it is done. */
function useSavedQueryMutation<Input>(mutationFn: (input: Input) => Promise<SavedQueryView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: savedQueryKeys.all }) });
}

export const useCreateSavedQuery = () => useSavedQueryMutation((input: CreateSavedQueryInput) => send<SavedQueryView>("/api/saved-queries", "POST", input));
export const useUpdateSavedQuery = () =>
  useSavedQueryMutation(({ id, ...input }: UpdateSavedQueryInput & { id: string }) => send<SavedQueryView>(`/api/saved-queries/${encodeURIComponent(id)}`, "PATCH", input));
export const useDeleteSavedQuery = () => useSavedQueryMutation((id: string) => send<SavedQueryView>(`/api/saved-queries/${encodeURIComponent(id)}`, "DELETE"));

/** The short link of a saved query, absolute so that it can be pasted anywhere. */
export const savedQueryLink = (id: string, origin: string) => `${origin}/q/${id}`;
