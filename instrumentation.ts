/**
 * Runs once when the Next.js server starts: the sync scheduler and the alert delivery loop
 * live in the server process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startScheduler } = await import("@/lib/sync/scheduler");
    startScheduler();
    const { startDeliveryLoop } = await import("@/lib/detections/notify/loop");
    startDeliveryLoop();
  }
}
