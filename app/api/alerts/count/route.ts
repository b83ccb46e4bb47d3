import { countOpenAlerts } from "@/lib/alerts/count";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** `{ open }`: the navigation's badge, asked for every 30 seconds. */
export const GET = route("alerts.count", async () => countOpenAlerts());
