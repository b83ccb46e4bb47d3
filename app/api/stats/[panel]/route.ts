import { z } from "zod";
import { readEventParams } from "@/lib/events/http";
import { parseInput, route } from "@/lib/http/route";
import { loadPanel } from "@/lib/stats/load-panel";
import { DEFAULT_STACK, STACKS, STAT_PANELS } from "@/lib/stats/panels";

export const dynamic = "force-dynamic";

const input = z.object({
  panel: z.enum(STAT_PANELS, { error: `not a panel of the overview; use one of ${STAT_PANELS.join(", ")}` }),
  stack: z.enum(STACKS, { error: `use one of ${STACKS.join(", ")}` }).nullable(),
});

/** One overview panel under the explorer's filter parameters (`?range=30d&type=…`). */
export const GET = route<{ panel: string }>("stats.panel", async ({ request, params }) => {
  const { filter, extra } = readEventParams(request.nextUrl.searchParams, ["stack"]);
  const { panel, stack } = parseInput(input, { panel: params.panel, stack: extra.stack });
  return loadPanel(panel, filter, { stack: stack ?? DEFAULT_STACK });
});
