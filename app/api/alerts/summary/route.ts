import { summariseOpenAlerts } from "@/lib/alerts/count";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The overview's "Alerts" panel: open alerts by severity and the latest few. */
export const GET = route("alerts.summary", async () => summariseOpenAlerts());
