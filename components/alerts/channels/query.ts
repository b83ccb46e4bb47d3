import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { ChannelSaved, ChannelView, CreateChannelInput, DeliveryView, RoutableRule, SendOutcome, UpdateChannelInput } from "@/lib/detections/notify/channel-schema";

/** Alert channels and deliveries as the browser reads and changes them. */
export const channelKeys = {
  all: ["alert-channels"] as const,
  list: () => [...channelKeys.all, "list"] as const,
  rules: () => ["detection-rules", "list"] as const,
  deliveries: (alertId: string) => ["alert-deliveries", alertId] as const,
};

export const channelsQuery = () =>
  queryOptions({
    queryKey: channelKeys.list(),
    queryFn: ({ signal }) => fetchJson<{ channels: ChannelView[] }>("/api/channels", { signal }).then((r) => r.channels),
  });

/** The rules a channel may be limited to (the routing field). */
export const routableRulesQuery = () =>
  queryOptions({
    queryKey: channelKeys.rules(),
    queryFn: ({ signal }) => fetchJson<{ rules: RoutableRule[] }>("/api/detections/rules", { signal }).then((r) => r.rules),
    retry: false,
  });

/** One alert's deliveries; looked at again every few seconds while one is still being tried. */
export const deliveriesQuery = (alertId: string) =>
  queryOptions({
    queryKey: channelKeys.deliveries(alertId),
    queryFn: ({ signal }) => fetchJson<{ deliveries: DeliveryView[] }>(`/api/alerts/${encodeURIComponent(alertId)}/deliveries`, { signal }).then((r) => r.deliveries),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "pending") ? 5_000 : false),
  });

const send = <T,>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

const channelUrl = (id: string) => `/api/channels/${encodeURIComponent(id)}`;

/** The mutations of channels: each refreshes the list once it is done. */
function useChannelMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }) });
}

export const useCreateChannel = () => useChannelMutation((input: CreateChannelInput) => send<ChannelSaved>("/api/channels", "POST", input));
export const useUpdateChannel = () => useChannelMutation(({ id, ...input }: UpdateChannelInput & { id: string }) => send<ChannelSaved>(channelUrl(id), "PATCH", input));
export const useDeleteChannel = () => useChannelMutation((id: string) => send<{ channel: ChannelView }>(channelUrl(id), "DELETE"));
/** Sends a test through the channel; the answer says how it went (a failed send is not an error of the request). */
export const useSendTest = () => useChannelMutation((id: string) => send<{ outcome: SendOutcome }>(`${channelUrl(id)}/test`, "POST").then((r) => r.outcome));
