import { alertStatusInput, changeAlertStatus } from "@/lib/alerts/status";
import { actorOf, parseInput, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Acknowledges, resolves or reopens alerts at once: `{ ids, action }`; recorded in the audit trail under the admin. */
export const POST = route("alerts.status", async ({ request, caller }) => changeAlertStatus(parseInput(alertStatusInput, await readJson(request)), { actor: actorOf(caller), request }));
