import { env, EnvError } from "./env";

/**
 * Imported first by every command-line entry point (npm start, the server it runs, npm run
 * sync, npm run admin): settings are checked before any other module reads them at import,
 * so that a bad one prints its message alone, without a stack trace, and exits with 2.
 */
export function exitOnConfigurationError(error: unknown): void {
  if (!(error instanceof EnvError)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

try {
  env();
} catch (error) {
  exitOnConfigurationError(error);
  throw error;
}
