import type { Logger } from "pino";
import { log } from "@/lib/log";
import { judgeQueued, type JudgeOutcome } from "./judge";

/**
 * Judges the events the sync has stored and queued, after a page is committed (and once per
 * sync run, for anything a crash or an error left queued). It never fails its caller: what
 * is not judged stays queued for the next call.
 */
export async function judgeStored(logger: Logger = log): Promise<JudgeOutcome | null> {
  try {
    const outcome = await judgeQueued();
    if (outcome.opened.length > 0) logger.info({ alerts: outcome.opened.length, events: outcome.events }, "detection rules opened alerts");
    return outcome;
  } catch (error) {
    logger.error({ err: error }, "judging stored events failed; they stay queued");
    return null;
  }
}
