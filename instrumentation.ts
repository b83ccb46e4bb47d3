/** Runs once when the Next.js server starts: the sync scheduler lives in the server process. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startScheduler } = await import("@/lib/sync/scheduler");
    startScheduler();
  }
}
