import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { startEmulator } from "./emulator";
import type { EmulatorControl } from "./emulator/control";
import { generateOrganisation } from "./emulator/organisation";
import type { Clock } from "./emulator/types";

/**
 * Demo mode's stand-in for Asana: the emulator with a synthetic organisation and a 90-day
 * history, capturing new events live (some of them late, as Asana's can be), on a local port.
 *
 * The organisation outlives a restart, as a real one does: its history ends where the first
 * start put it (kept in `<dataDir>/demo-organisation.json`), the time the app was off is filled
 * at the organisation's usual pace, and events captured by each start get gids no earlier start
 * used. So a restarted demo shows no hole and drops nothing as a duplicate.
 */
export interface DemoUpstream {
  baseUrl: string;
  token: string;
  workspaceGid: string;
  /** Events added for the time the app was off. */
  filled: number;
  close: () => Promise<void>;
}

export interface DemoOptions {
  events: number;
  seed: number;
  liveRate: number;
  /** Hostile mode: hostile records in the history and, now and then, among live events. */
  hostile?: boolean;
  /** Where the organisation's anchor is kept. */
  dataDir: string;
  /** The newest event already stored from this organisation, if any: where the quiet time began. */
  quietSince?: Date | null;
  logger: Logger;
  clock?: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_DAYS = 90;
/** Catching up more than this in one start would hold it up for little gain. */
const MAX_FILLED = 1_000_000;
const NUMBERING_EPOCH = Date.UTC(2026, 0, 1);

const anchorSchema = z.object({ seed: z.number(), events: z.number(), historyEnd: z.number().int().positive() });

/** When this organisation's history ends: fixed at its first start, new if its shape changes. */
async function historyEnd(options: DemoOptions, now: number): Promise<number> {
  const file = path.join(options.dataDir, "demo-organisation.json");
  if (existsSync(file)) {
    const stored = anchorSchema.safeParse(JSON.parse(await readFile(file, "utf8").catch(() => "null")));
    if (stored.success && stored.data.seed === options.seed && stored.data.events === options.events && stored.data.historyEnd <= now) return stored.data.historyEnd;
  }
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify({ seed: options.seed, events: options.events, historyEnd: now })}\n`);
  return now;
}

export async function startDemoUpstream(options: DemoOptions): Promise<DemoUpstream> {
  const clock = options.clock ?? Date.now;
  const now = clock();
  const end = await historyEnd(options, now);
  // Numbered from the microsecond of this start: past everything an earlier start (this
  // code's or one that numbered from zero) could have captured, at most one per microsecond.
  const organisation = generateOrganisation({ seed: options.seed, events: options.events, days: HISTORY_DAYS, now: end, extraBase: Math.max(0, now - NUMBERING_EPOCH) * 1000 });
  // Not a secret of anyone's: a fresh value per start keeps real-looking tokens out of configs.
  const token = `demo-${randomBytes(12).toString("hex")}`;
  const emulator = await startEmulator({
    host: "127.0.0.1",
    organisation,
    token,
    clock,
    live: options.liveRate > 0 ? { ratePerSecond: options.liveRate, lateShare: 0.05, maxDelayMs: 10 * 60_000 } : false,
    hostile: options.hostile ? { rounds: 2, liveShare: 0.02 } : false,
    logger: options.logger.child({ component: "asana-emulator" }),
  });
  const filled = fillQuietTime(emulator.control, options, end, now);
  return { baseUrl: emulator.apiBase, token, workspaceGid: emulator.workspaceGid, filled, close: () => emulator.close() };
}

/**
 * The organisation went on working while the app was off: events at its history's own pace,
 * spread over the quiet time (no further back than Asana keeps), oldest first.
 */
function fillQuietTime(control: Pick<EmulatorControl, "addGenerated">, options: DemoOptions, end: number, now: number): number {
  const since = Math.max(end, options.quietSince?.getTime() ?? end, now - HISTORY_DAYS * DAY_MS);
  const perMs = options.events / (HISTORY_DAYS * DAY_MS);
  const count = Math.min(MAX_FILLED, Math.floor((now - since) * perMs));
  const step = (now - since) / (count + 1);
  for (let i = 1; i <= count; i++) control.addGenerated(1, { createdAt: Math.floor(since + i * step) });
  return count;
}
