import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { NewChannelButton } from "@/components/alerts/channels/channel-dialog";
import { ChannelList } from "@/components/alerts/channels/channel-list";
import { channelsQuery } from "@/components/alerts/channels/query";
import { PageHeader } from "@/components/shell/page-header";
import { listChannels } from "@/lib/detections/notify/list-channels";
import { makeQueryClient } from "@/lib/query/query-client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert channels" };

export default async function AlertChannelsPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: channelsQuery().queryKey, queryFn: () => listChannels() });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Alert channels"
        description="Where alerts are sent besides the inbox: a signed webhook, a Slack incoming webhook or e-mail, each for the severities and rules you choose. Secrets are stored encrypted and never shown again."
        actions={<NewChannelButton />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ChannelList />
      </HydrationBoundary>
    </div>
  );
}
