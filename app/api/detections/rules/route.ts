import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/route";
import { currentAdminEmail } from "@/lib/saved-queries/author";
import { createRule, listRules } from "@/lib/rules/store";

export const dynamic = "force-dynamic";

export const GET = route("rules.list", async () => ({ rules: await listRules() }));

/** Creates a rule: a filter (query-bar text and details conditions), a condition and its settings (lib/detections/rule.ts). */
export const POST = route("rules.create", async ({ request, caller }) => {
  const rule = await createRule(await readJson(request), { actor: currentAdminEmail(caller), request });
  return NextResponse.json(rule, { status: 201 });
});
