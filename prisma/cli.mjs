#!/usr/bin/env node
// The project's way to run the Prisma CLI (`npm run prisma -- migrate status`).
// It makes the pinned CLI work without network access beyond npm:
//   - PRISMA_SCHEMA_ENGINE_BINARY points at prisma/engine/schema-engine.mjs, a
//     wasm-based stand-in for the native engine the CLI would download;
//   - update checks and telemetry (which call out to Prisma's servers) are off.
// Arguments, stdio and the exit code are passed through unchanged.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(prismaDir);
const prismaEntry = path.join(repoRoot, "node_modules", "prisma", "build", "index.js");
const enginePath = path.join(prismaDir, "engine", "schema-engine.mjs");

const args = process.argv.slice(2);

// Commands and flags that never open a database connection (`generate` runs on postinstall).
const DATABASE_FREE_COMMANDS = new Set(["generate", "validate", "format", "version", "help", "init"]);
const HELP_FLAGS = new Set(["-h", "--help", "-v", "--version"]);
const needsDatabase = args.length > 0 && !DATABASE_FREE_COMMANDS.has(args[0]) && !args.some((arg) => HELP_FLAGS.has(arg));

/**
 * The URL that prisma.config.ts reads from DATABASE_URL. `--url` on the command
 * line overrides the config, so it is enough on its own. Without either, the
 * project's embedded PostgreSQL is used, as `npm start` does: the running one if
 * the app is up, otherwise one started for the duration of this command.
 */
async function resolveDatabaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (args.some((arg) => arg === "--url" || arg.startsWith("--url="))) return undefined;
  const { tsImport } = await import("tsx/esm/api");
  const { connectOrStartEmbedded } = await tsImport("../lib/db/embedded.ts", import.meta.url);
  const { url, stop } = await connectOrStartEmbedded({ dir: process.env.EMBEDDED_PG_DIR || path.join(repoRoot, ".data", "postgres") });
  stopEmbedded = stop;
  process.stderr.write("DATABASE_URL is not set: using the project's embedded PostgreSQL (.data/postgres).\n");
  return url("audit_dashboard");
}

let stopEmbedded = async () => {};

const databaseUrl = needsDatabase ? await resolveDatabaseUrl() : process.env.DATABASE_URL;

const child = spawn(process.execPath, [prismaEntry, ...args], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The engine shim is started through its `#!/usr/bin/env node` line: make
    // that the node running us, whatever PATH the caller had.
    PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: enginePath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});

// Ctrl-C already reaches the CLI (same process group): stay alive to pass on
// its exit code. Signals sent to this process alone are forwarded.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}

child.on("error", async (error) => {
  process.stderr.write(`Could not start the Prisma CLI (${prismaEntry}): ${error.message}\n`);
  await stopEmbedded();
  process.exit(1);
});
child.on("exit", async (code, signal) => {
  await stopEmbedded();
  if (signal) {
    // Re-raise so our caller sees the same termination signal.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
