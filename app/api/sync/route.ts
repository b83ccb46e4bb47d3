import { NextResponse } from "next/server";
import { z } from "zod";
import { parseInput, readJson, route } from "@/lib/http/route";
import { getSyncState } from "@/lib/sync/get-sync-state";
import { triggerSync } from "@/lib/sync/trigger";

export const dynamic = "force-dynamic";

export const GET = route("sync.state", () => getSyncState());

const triggerInput = z.object({ wait: z.boolean().default(false) }).strict();

export const POST = route("sync.trigger", async ({ request, logger }) => {
  const raw = request.headers.get("content-length") === "0" || !request.body ? {} : await readJson(request);
  const { wait } = parseInput(triggerInput, raw);
  const answer = await triggerSync("manual", logger, wait);
  const status = answer.status === "already_running" ? 409 : answer.status === "started" ? 202 : 200;
  return NextResponse.json(answer, { status });
});
