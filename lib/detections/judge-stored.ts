import type { Logger } from "pino";
import { log } from "@/lib/log";
import { judgeQueued, MAX_DRAIN, type JudgeOutcome } from "./judge";
import { wakeDeliveries } from "./notify/loop";
import { queueDeliveries } from "./notify/outbox";

/**
 * Judges the events the sync has stored and queued: some after each page is committed, and
 * everything left at the end of a run (`drain`: what a crash, an error or pages written
 * faster than judged left queued). It never fails its caller: what
 * is not judged stays queued for the next call.
 */
export async function judgeStored(logger: Logger = log, options: { drain?: boolean } = {}): Promise<JudgeOutcome | null> {
  try {
    // Each alert opened is queued to its channels in the transaction that opened it (an outbox).
    const onOpened = async (tx: Parameters<typeof queueDeliveries>[0], ids: string[]) => void (await queueDeliveries(tx, ids));
    const outcome = await judgeQueued({ onOpened, ...(options.drain ? { maxEntries: MAX_DRAIN, wait: true } : {}) });
    if (outcome.opened.length > 0) wakeDeliveries();
    if (outcome.opened.length > 0) logger.info({ alerts: outcome.opened.length, events: outcome.events }, "detection rules opened alerts");
    return outcome;
  } catch (error) {
    logger.error({ err: error }, "judging stored events failed; they stay queued");
    return null;
  }
}
