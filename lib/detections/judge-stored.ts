import type { Logger } from "pino";
import { addressesLocated } from "@/lib/geo/locate-page";
import { log } from "@/lib/log";
import { judgeQueued, MAX_DRAIN, newestQueued, type JudgeOutcome } from "./judge";
import { wakeDeliveries } from "./notify/loop";
import { queueDeliveries } from "./notify/outbox";

/**
 * Events stored and not yet judged, as this process counts them, and how many make a batch:
 * judging carries a fixed cost (a transaction, a read of the batch, a few queries per rule
 * that matched), which a backfill of hundred-event pages paid on every page (a third more CPU
 * per stored event; batches of 2,000 still cost a fifth more than batches of 10,000). A page
 * judges once a batch is waiting; a run (every poll) judges what is left at its end.
 */
let waiting = 0;
export const JUDGE_BATCH = 10_000;

/** After a page is committed: judges the queue once a batch of events is waiting. */
export async function judgeAfterPage(inserted: number, logger: Logger = log): Promise<void> {
  waiting += inserted;
  if (waiting < JUDGE_BATCH) return;
  waiting = 0;
  await judgeStored(logger);
}

/**
 * Judges the events the sync has stored and queued: a batch at a time after pages, and
 * everything left at the end of a run (`drain`: what a crash, an error or pages written
 * faster than judged left queued). It never fails its caller: what
 * is not judged stays queued for the next call.
 */
export async function judgeStored(logger: Logger = log, options: { drain?: boolean } = {}): Promise<JudgeOutcome | null> {
  try {
    // Rules may read where an event came from (ip_location): the events' addresses are located
    // first. Pages queue their addresses before they are stored, so every queue entry up to the
    // newest one now had its addresses queued before this wait; entries stored meanwhile (other
    // writers go on) wait for the next call, or a trip from an unlocated address went unseen.
    const upTo = (await newestQueued()) ?? "0";
    await addressesLocated();
    // Each alert opened is queued to its channels in the transaction that opened it (an outbox).
    const onOpened = async (tx: Parameters<typeof queueDeliveries>[0], ids: string[]) => void (await queueDeliveries(tx, ids));
    if (options.drain) waiting = 0;
    const outcome = await judgeQueued({ onOpened, upTo, ...(options.drain ? { maxEntries: MAX_DRAIN, wait: true } : {}) });
    if (outcome.opened.length > 0) wakeDeliveries();
    if (outcome.opened.length > 0) logger.info({ alerts: outcome.opened.length, events: outcome.events }, "detection rules opened alerts");
    return outcome;
  } catch (error) {
    logger.error({ err: error }, "judging stored events failed; they stay queued");
    return null;
  }
}
