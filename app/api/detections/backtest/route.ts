import { actorTimelineHref, alertEventsHref } from "@/lib/alerts/explorer-link";
import { backtest } from "@/lib/detections/backtest";
import { badRequest } from "@/lib/http/errors";
import { parseInput, readJson, route } from "@/lib/http/route";
import { backtestInput } from "@/lib/rules/backtest-input";

export const dynamic = "force-dynamic";

/**
 * How often a rule (as edited, saved or not) would have fired over the last `days` of stored
 * events, with links to the events of its most recent alerts. Read-only, under the query
 * time limit every page has.
 */
export const POST = route("rules.backtest", async ({ request }) => {
  const { rule, days, tz } = parseInput(backtestInput, await readJson(request));
  const now = new Date();
  const result = await backtest(rule, { from: new Date(now.getTime() - days * 86_400_000), to: new Date(now.getTime() + 1) }, now);
  if ("error" in result) throw badRequest(`query: ${result.error}`);
  return {
    ...result,
    days,
    recent: result.recent.map((a) => ({
      ...a,
      eventsHref: alertEventsHref({ firstAt: a.firstAt, lastAt: a.lastAt, dedupKey: a.key, actorKey: a.actorKey }, rule, tz),
      actorHref: a.actorKey ? actorTimelineHref(a.actorKey, a, tz) : null,
    })),
  };
});
