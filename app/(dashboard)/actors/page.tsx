import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { ActorList } from "@/components/actors/actor-list";
import { InvalidParams } from "@/components/filters/invalid-params";
import { PageHeader } from "@/components/shell/page-header";
import { listActors } from "@/lib/actors/list-actors";
import { actorListSearch } from "@/lib/actors/search-params";
import { actorKeys } from "@/lib/actors/query";
import { makeQueryClient } from "@/lib/query/query-client";
import { toSearchParams } from "@/lib/url/search-contract";

export const dynamic = "force-dynamic";
export const metadata = { title: "Actors" };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = toSearchParams(await searchParams);
  const parsed = actorListSearch.parse(search);
  const header = <PageHeader title="Actors" description="Everyone who appears in the audit log as an actor: people, Asana itself, its support staff and outside administrators. Open one for their timeline." />;
  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <InvalidParams errors={parsed.errors} search={search} path="/actors" />
      </div>
    );
  }
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: actorKeys.list(parsed.values), queryFn: () => listActors(parsed.values) });
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActorList />
      </HydrationBoundary>
    </div>
  );
}
