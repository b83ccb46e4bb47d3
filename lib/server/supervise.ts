import type { ChildProcess } from "node:child_process";
import type { Logger } from "pino";

/**
 * Keeps the launcher's parts together: when the web server exits on its own (a crash, the
 * heap run out), the launcher says so, stops what it started (the embedded PostgreSQL with a
 * clean shutdown, the demo's emulator) and exits with an error, so that a supervisor
 * (systemd, Docker's restart policy) starts it again. SIGINT and SIGTERM stop everything the
 * same way and exit 0. Resolves with the exit code; the caller exits with it.
 */
export function superviseServer(server: ChildProcess, cleanups: ReadonlyArray<() => Promise<void>>, logger: Logger, signals: NodeJS.EventEmitter = process): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (code: number) => {
      if (stopping) return;
      stopping = true;
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      for (const cleanup of [...cleanups].reverse()) await cleanup().catch((err: unknown) => logger.error({ err }, "shutdown step failed"));
      resolve(code);
    };
    signals.once("SIGINT", () => void stop(0));
    signals.once("SIGTERM", () => void stop(0));
    server.once("exit", (code, signal) => {
      if (stopping) return;
      logger.fatal(
        { exitCode: code, signal },
        `the web server stopped on its own (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the rest and exiting with an error so that a supervisor restarts the dashboard`,
      );
      void stop(code && code > 0 ? code : 1);
    });
  });
}
