import { EMPTY_DRAFT } from "@/components/alerts/rules/rule-draft";
import { RuleForm } from "@/components/alerts/rules/rule-form";
import { PageHeader } from "@/components/shell/page-header";
import { DataText } from "@/components/ui/data-text";
import { ALL_TIME } from "@/lib/events/filter-ops";
import { filterToText } from "@/lib/events/query-text";
import { parseEventParams } from "@/lib/events/search-params";
import { SAVED_QUERY_ID } from "@/lib/saved-queries/ids";
import { getSavedQuery } from "@/lib/saved-queries/list-saved-queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "New detection rule" };

/** A rule from scratch, from a saved query (`?savedQuery=<id>`) or from the explorer's query text (`?query=`). */
export default async function NewRulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const savedId = typeof params.savedQuery === "string" && SAVED_QUERY_ID.test(params.savedQuery) ? params.savedQuery : null;
  const saved = savedId ? await getSavedQuery(savedId) : null;
  const savedAsked = params.savedQuery !== undefined;
  const draft = { ...EMPTY_DRAFT };
  if (saved) {
    const parsed = parseEventParams(new URLSearchParams(saved.search));
    if (parsed.ok) draft.query = filterToText({ ...parsed.filter, time: ALL_TIME });
    draft.name = saved.name.slice(0, 200);
    draft.savedQueryId = saved.id;
  } else if (typeof params.query === "string") {
    draft.query = params.query.slice(0, 2_000);
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="New detection rule"
        description={
          saved ? (
            <>
              From the saved query “<DataText value={saved.name} max={120} />”. New events matching it are judged as they are stored.
            </>
          ) : savedAsked ? (
            "The saved query of this link does not exist (it may have been deleted): the rule starts empty."
          ) : (
            "New events matching it are judged as they are stored; the panel shows how often it would have fired before."
          )
        }
      />
      <RuleForm initial={draft} />
    </div>
  );
}
