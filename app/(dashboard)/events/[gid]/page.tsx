import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import { CopyButton } from "@/components/events/event-detail";
import { EventPage } from "@/components/events/event-page";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getEvent } from "@/lib/events/get-event";
import { eventDetailQuery } from "@/lib/events/query";
import { eventSearch, parseEventParams } from "@/lib/events/search-params";
import { requestLocalZone } from "@/lib/time/request-zone";
import { makeQueryClient } from "@/lib/query/query-client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Event" };

/**
 * /events/<gid>: one event on its own page. The explorer's parameters may ride along (the
 * drawer's "open on its own page" keeps them) so that "Back to results" returns to the view.
 */
export default async function EventDetailPage({ params, searchParams }: { params: Promise<{ gid: string }>; searchParams: Promise<SearchParams> }) {
  const { gid } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(gid)) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) query.append(key, v);
  const parsed = parseEventParams(query, { localZone: await requestLocalZone() });
  const back = parsed.ok ? `/events${eventSearch(parsed.filter, { ...parsed.view, event: gid })}` : "/events";
  const tz = parsed.ok ? parsed.view.tz : "local";

  const queryClient = makeQueryClient();
  const event = await getEvent(gid);
  if (!event) notFound();
  queryClient.setQueryData(eventDetailQuery(gid).queryKey, event);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Event ${gid}`}
        description={event.sentence}
        actions={
          <>
            <Button variant="outline" size="sm" asChild>
              <Link href={back}>
                <ArrowLeft />
                Back to results
              </Link>
            </Button>
            <CopyButton text={`/events/${gid}`} what="Link" label="Copy link" />
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EventPage gid={gid} tz={tz} />
      </HydrationBoundary>
    </div>
  );
}
