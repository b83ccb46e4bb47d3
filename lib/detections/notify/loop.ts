import { onShutdown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";
import { DELIVER_BATCH, deliverDue } from "./outbox";

/**
 * The delivery loop of the server process: deliverDue every few seconds, and at once when the
 * engine has queued something (wakeDeliveries). A full batch is followed by the next without a
 * pause. On shutdown no new batch starts and the one in flight is awaited (each send is bounded
 * to 10 s). Next.js loads modules once per bundle, so the loop lives on globalThis: the engine's
 * copy of wakeDeliveries reaches the loop the instrumentation hook started.
 */
export const DELIVERY_POLL_MS = 5_000;

interface DeliveryLoop {
  wake: () => void;
  stop: () => Promise<void>;
}

const globalForLoop = globalThis as unknown as { __alertDeliveryLoop?: DeliveryLoop };

export function startDeliveryLoop({ intervalMs = DELIVERY_POLL_MS }: { intervalMs?: number } = {}): DeliveryLoop {
  if (globalForLoop.__alertDeliveryLoop) return globalForLoop.__alertDeliveryLoop;
  const logger = log.child({ component: "notify" });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const pass = async () => {
    do {
      again = false;
      try {
        const result = await deliverDue();
        if (result.claimed >= DELIVER_BATCH) again = true;
      } catch (error) {
        logger.error({ err: error }, "delivering alerts failed");
      }
    } while (again && !stopped);
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(run, intervalMs).unref();
    });
  };

  const loop: DeliveryLoop = {
    wake: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (globalForLoop.__alertDeliveryLoop === loop) delete globalForLoop.__alertDeliveryLoop;
      await running;
    },
  };
  globalForLoop.__alertDeliveryLoop = loop;
  onShutdown("work", () => loop.stop());
  timer = setTimeout(run, 1_000).unref();
  logger.info({ intervalMs }, "alert delivery loop started");
  return loop;
}

/** Sends what was just queued without waiting for the next poll; does nothing where no loop runs (a command line, a test). */
export function wakeDeliveries(): void {
  globalForLoop.__alertDeliveryLoop?.wake();
}
