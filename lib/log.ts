import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "./env";

/**
 * The one structured logger of the server. Redaction is a safety net: code should never
 * hand a token to the logger in the first place.
 */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "secret",
  "*.secret",
];

function createLogger(): Logger {
  const e = env();
  const options = {
    level: e.LOG_LEVEL,
    base: { app: "asana-audit-dashboard" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  const format = e.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");
  // A synchronous pretty stream, not a transport: transports need worker threads, which
  // bundled server code cannot always start.
  if (format === "pretty") return pino(options, pretty({ colorize: true, ignore: "pid,hostname,app", sync: true }));
  return pino(options);
}

const globalForLog = globalThis as unknown as { __auditLogger?: Logger };

export const log: Logger = (globalForLog.__auditLogger ??= createLogger());

export type { Logger };
