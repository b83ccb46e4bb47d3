import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { ActorList } from "@/components/actors/actor-list";
import { PageHeader } from "@/components/shell/page-header";
import { actorListSchema } from "@/lib/actors/http";
import { listActors } from "@/lib/actors/list-actors";
import { loadActorListParams } from "@/lib/actors/params";
import { actorKeys } from "@/lib/actors/query";
import { makeQueryClient } from "@/lib/query/query-client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Actors" };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = loadActorListParams(await searchParams);
  const queryClient = makeQueryClient();
  // The API validates the same input; a value it would refuse is left to the browser's own request and its message.
  const checked = actorListSchema.safeParse(params);
  if (checked.success) await queryClient.prefetchQuery({ queryKey: actorKeys.list(params), queryFn: () => listActors(checked.data) });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Actors" description="Everyone who appears in the audit log as an actor: people, Asana itself, its support staff and outside administrators. Open one for their timeline." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActorList />
      </HydrationBoundary>
    </div>
  );
}
