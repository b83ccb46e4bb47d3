import { NextResponse } from "next/server";
import { parseInput, readJson, route } from "@/lib/http/route";
import { currentAdminEmail } from "@/lib/saved-queries/author";
import { listSavedQueries } from "@/lib/saved-queries/list-saved-queries";
import { createSavedQuery } from "@/lib/saved-queries/save-query";
import { createSavedQueryInput } from "@/lib/saved-queries/schema";

export const dynamic = "force-dynamic";

export const GET = route("saved-queries.list", () => listSavedQueries());

/** Saves a view of the explorer: { name, note?, search, timeMode: relative | absolute }. */
export const POST = route("saved-queries.create", async ({ request, caller }) => {
  const input = parseInput(createSavedQueryInput, await readJson(request));
  const saved = await createSavedQuery(input, { actor: currentAdminEmail(caller), request });
  return NextResponse.json(saved, { status: 201 });
});
