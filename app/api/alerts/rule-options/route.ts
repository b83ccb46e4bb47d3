import { listRuleOptions } from "@/lib/alerts/count";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The rules the inbox's rule filter offers (id and name). */
export const GET = route("alerts.rule-options", async () => listRuleOptions());
