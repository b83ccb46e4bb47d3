import { z } from "zod";
import { parsedOr400, parseInput, route } from "@/lib/http/route";
import { loadPanel } from "@/lib/stats/load-panel";
import { STAT_PANELS } from "@/lib/stats/panels";
import { parseOverviewParams } from "@/lib/stats/search-params";

export const dynamic = "force-dynamic";

const panelSchema = z.enum(STAT_PANELS, { error: `not a panel of the overview; use one of ${STAT_PANELS.join(", ")}` });

/** One overview panel under the overview's own URL (`?range=30d&type=…&stack=…&map=…`, lib/stats/search-params.ts). */
export const GET = route<{ panel: string }>("stats.panel", async ({ request, params }) => {
  const panel = parseInput(z.object({ panel: panelSchema }), { panel: params.panel }).panel;
  const { filter, stack, zone, interval, map } = parsedOr400(parseOverviewParams(request.nextUrl.searchParams));
  return loadPanel(panel, filter, { stack, zone, interval, map });
});
