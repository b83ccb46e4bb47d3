import { NextResponse } from "next/server";
import { recordAuditEntry } from "@/lib/audit-trail/record";
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
  const author = currentAdminEmail(caller);
  const saved = await createSavedQuery(input, author);
  await recordAuditEntry({ actor: author, action: "saved_query.create", target: saved.id, request, details: { name: saved.name, timeMode: saved.timeMode, search: saved.search } });
  return NextResponse.json(saved, { status: 201 });
});
