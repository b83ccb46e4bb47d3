import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { ActorTimeline } from "@/components/actors/actor-timeline";
import { actorTypeName } from "@/components/charts/chart-colors";
import { PageHeader } from "@/components/shell/page-header";
import { DataText } from "@/components/ui/data-text";
import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { getActorIdentity } from "@/lib/actors/get-actor-profile";
import { getActorActivity, getActorTimeline } from "@/lib/actors/get-actor-timeline";
import { withAllTimeDefault } from "@/lib/actors/page-params";
import { toSearchParams } from "@/lib/url/search-contract";
import { TIMELINE_PAGE_SIZE } from "@/lib/actors/params";
import { actorEventsQuery, actorKeys } from "@/lib/actors/query";
import { parseEventParams } from "@/lib/events/search-params";
import { requestLocalZone } from "@/lib/time/request-zone";
import { concreteZone } from "@/lib/events/view";
import { makeQueryClient } from "@/lib/query/query-client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Actor timeline" };

export default async function ActorPage({ params, searchParams }: { params: Promise<{ gid: string }>; searchParams: Promise<SearchParams> }) {
  const gid = actorKeyFromPath((await params).gid);
  if (!actorKeySchema.safeParse(gid).success) notFound();
  const search = toSearchParams(await searchParams);
  const defaulted = withAllTimeDefault(search);
  if (defaulted) redirect(`/actors/${encodeURIComponent(gid)}?${defaulted.toString()}`);

  const queryClient = makeQueryClient();
  const localZone = await requestLocalZone();
  const parsed = parseEventParams(search, { localZone });
  const identity = await getActorIdentity(gid);
  if (!identity) notFound();
  // What they used, their places and sign-ins are left to the browser: for the busiest actors the first is the one slow query, and the timeline need not wait for any.
  queryClient.setQueryData(actorKeys.identity(gid), identity);
  if (parsed.ok) {
    const { filter, view } = parsed;
    const now = new Date();
    // The chart's days are the reader's: unknown on a first visit (no zone cookie), when the browser loads it.
    const zone = view.tz === "local" && !localZone ? null : concreteZone(view.tz, localZone);
    await Promise.all([
      zone ? queryClient.prefetchQuery({ queryKey: actorKeys.activity(gid, filter, zone), queryFn: () => getActorActivity(gid, filter, now, zone) }) : null,
      queryClient.prefetchInfiniteQuery({
        ...actorEventsQuery(gid, filter, view.sort),
        queryFn: () => getActorTimeline(gid, filter, { sort: view.sort, size: TIMELINE_PAGE_SIZE, page: null }, now),
      }),
    ]);
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={<DataText value={identity.name ?? identity.email ?? actorTypeName(identity.actorType)} max={200} />} description="Who they are, their activity, their sign-ins and where from, the countries and networks and what else they used, and their events day by day. Markers show what was new for them." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActorTimeline gid={gid} />
      </HydrationBoundary>
    </div>
  );
}
