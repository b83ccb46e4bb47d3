import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { startEmulator } from "./emulator";

/**
 * Demo mode's stand-in for Asana: the emulator with a synthetic organisation and a 90-day
 * history, capturing new events live (some of them late, as Asana's can be), on a local port.
 */
export interface DemoUpstream {
  baseUrl: string;
  token: string;
  workspaceGid: string;
  close: () => Promise<void>;
}

export async function startDemoUpstream(options: { events: number; seed: number; liveRate: number; logger: Logger }): Promise<DemoUpstream> {
  // Not a secret of anyone's: a fresh value per start keeps real-looking tokens out of configs.
  const token = `demo-${randomBytes(12).toString("hex")}`;
  const emulator = await startEmulator({
    host: "127.0.0.1",
    seed: options.seed,
    events: options.events,
    token,
    live: options.liveRate > 0 ? { ratePerSecond: options.liveRate, lateShare: 0.05, maxDelayMs: 10 * 60_000 } : false,
    logger: options.logger.child({ component: "asana-emulator" }),
  });
  return { baseUrl: emulator.apiBase, token, workspaceGid: emulator.workspaceGid, close: () => emulator.close() };
}
