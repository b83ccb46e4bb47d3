import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { RuleList } from "@/components/alerts/rules/rule-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { makeQueryClient } from "@/lib/query/query-client";
import { rulesQuery } from "@/lib/rules/query";
import { listRules } from "@/lib/rules/store";

export const dynamic = "force-dynamic";
export const metadata = { title: "Detection rules" };

export default async function RulesPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: rulesQuery().queryKey, queryFn: async () => ({ rules: await listRules() }) });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Detection rules"
        description="What the dashboard watches for in every event it stores. Built-in rules are on by default; switch them, tune them, or add your own from any query."
        actions={
          <Button size="sm" asChild>
            <Link href="/alerts/rules/new">New rule</Link>
          </Button>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RuleList />
      </HydrationBoundary>
    </div>
  );
}
