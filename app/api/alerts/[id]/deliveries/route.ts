import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listDeliveries } from "@/lib/detections/notify/list-deliveries";

export const dynamic = "force-dynamic";

/** The delivery log of one alert: each channel, its status, attempts and last outcome. */
export const GET = route<{ id: string }>("alerts.deliveries", async ({ params }) => {
  if (!/^[1-9]\d{0,17}$/.test(params.id)) throw notFound("That alert does not exist.");
  const deliveries = await listDeliveries(BigInt(params.id));
  if (!deliveries) throw notFound("That alert does not exist.");
  return { deliveries };
});
