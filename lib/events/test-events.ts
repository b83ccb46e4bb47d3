import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";

/**
 * Fills the test file's database with a synthetic domain's events through the real sync,
 * so that the explorer's queries run over rows shaped exactly as production stores them.
 */
export async function seedEvents(events: number, seed = 3): Promise<void> {
  const emulator = await startTestEmulator({ events, seed, days: 30 });
  try {
    const result = await runSync(emulator);
    if (result.status !== "ran" || result.outcome !== "succeeded") throw new Error(`seed sync failed: ${JSON.stringify(result)}`);
  } finally {
    await emulator.close();
  }
}
