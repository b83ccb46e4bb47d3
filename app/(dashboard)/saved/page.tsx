import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { SavedQueries } from "@/components/saved/saved-queries";
import { PageHeader } from "@/components/shell/page-header";
import { makeQueryClient } from "@/lib/query/query-client";
import { listSavedQueries } from "@/lib/saved-queries/list-saved-queries";
import { savedQueriesQuery } from "@/lib/saved-queries/query";

export const dynamic = "force-dynamic";
export const metadata = { title: "Saved queries" };

export default async function SavedQueriesPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: savedQueriesQuery().queryKey, queryFn: () => listSavedQueries() });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Saved queries" description="Views of the event explorer the team kept, each with a short link that opens exactly that view for any admin." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SavedQueries />
      </HydrationBoundary>
    </div>
  );
}
