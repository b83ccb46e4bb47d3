import { badRequest, notFound } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { currentAdminEmail } from "@/lib/saved-queries/author";
import { deleteRule, getRule, RULE_ID, updateRule } from "@/lib/rules/store";

export const dynamic = "force-dynamic";

type Params = { id: string };

function checkId(id: string): string {
  if (!RULE_ID.test(id)) throw notFound("That rule does not exist.");
  return id;
}

export const GET = route<Params>("rules.get", async ({ params }) => {
  const rule = await getRule(checkId(params.id));
  if (!rule) throw notFound("That rule does not exist (it may have been deleted).");
  return rule;
});

/** Switches a rule on or off, or tunes it: the fields given replace the rule's. */
export const PATCH = route<Params>("rules.update", async ({ request, params, caller }) => {
  const patch = await readJson(request);
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) throw badRequest("The request body must be a JSON object of the fields to change.");
  return updateRule(checkId(params.id), patch as Record<string, unknown>, { actor: currentAdminEmail(caller), request });
});

export const DELETE = route<Params>("rules.delete", async ({ request, params, caller }) => deleteRule(checkId(params.id), { actor: currentAdminEmail(caller), request }));
