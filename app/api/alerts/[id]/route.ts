import { getAlert } from "@/lib/alerts/get-alert";
import { isAlertId } from "@/lib/alerts/vocabulary";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** One alert: its rule's description, runbook and help link, its events, its status history. */
export const GET = route<{ id: string }>("alerts.get", async ({ params }) => {
  const alert = isAlertId(params.id) ? await getAlert(params.id) : null;
  if (!alert) throw notFound("That alert does not exist.");
  return alert;
});
