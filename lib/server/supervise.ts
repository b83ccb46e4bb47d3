import type { ChildProcess } from "node:child_process";
import type { Logger } from "pino";

/**
 * Keeps the launcher's parts together: when the web server exits on its own (a crash, the
 * heap run out), the launcher says so, stops what it started (the embedded PostgreSQL with a
 * clean shutdown, the demo's emulator) and exits with an error, so that a supervisor
 * (systemd, Docker's restart policy) starts it again. SIGINT and SIGTERM stop everything the
 * same way and exit 0. Resolves with the exit code; the caller exits with it.
 *
 * On a signal the web server gets SIGTERM and up to `graceMs` to shut down (its sync commits or
 * abandons its page through the embedded PostgreSQL and the demo's emulator, so those stop only
 * after it); past that it is killed.
 */
export function superviseServer(server: ChildProcess, cleanups: ReadonlyArray<() => Promise<void>>, logger: Logger, signals: NodeJS.EventEmitter = process, graceMs = 30_000): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (code: number) => {
      if (stopping) return;
      stopping = true;
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        const timer = setTimeout(() => {
          logger.warn({ graceMs }, "the web server did not stop in time; killing it");
          server.kill("SIGKILL");
        }, graceMs);
        await exited;
        clearTimeout(timer);
      }
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
