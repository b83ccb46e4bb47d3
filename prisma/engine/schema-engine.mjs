#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, selected with
// PRISMA_SCHEMA_ENGINE_BINARY (prisma/cli.mjs sets it). The native binary is
// downloaded from Prisma's CDN on first use, which is not reachable here; this
// runs the same engine compiled to WebAssembly, talking to PostgreSQL through
// @prisma/adapter-pg. Only PostgreSQL is supported.
//
// Invocations used by the CLI:
//   schema-engine --version
//   schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
//   schema-engine [--datamodels <file>]... [--datasource <json>] [--enabled-preview-features a,b]
//                 [--extension-types <json>]        (JSON-RPC server on stdio)
import { runCliCommand } from "./cli-commands.mjs";
import { log, logUserError } from "./log.mjs";
import { startRpcServer } from "./rpc.mjs";
import { loadSchemaEngineWasm } from "./wasm.mjs";

function parseArgs(argv) {
  const args = { datamodelPaths: [], datasource: undefined, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    switch (flag) {
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--datamodels":
      case "-d":
        args.datamodelPaths.push(value());
        break;
      case "--datasource":
        args.datasource = JSON.parse(value());
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        value(); // accepted for compatibility; the wasm engine reads preview features from the schema
        break;
      case "cli":
        args.cliCommand = argv[++i];
        break;
      default:
        log("WARN", `Ignoring unknown schema engine argument: ${arg}`);
    }
  }
  return args;
}

async function main() {
  // A closed pipe (the CLI exits first) must not turn cleanup into a crash.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});

  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    log("INFO", "Starting schema engine shim");
    logUserError(`Invalid schema engine arguments: ${error.message}`);
    process.exit(1);
  }

  if (args.version) {
    const { version } = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    return;
  }
  if (args.cliCommand) {
    process.exit(await runCliCommand(args.cliCommand, args.datasource));
  }
  startRpcServer(args);
}

main().catch((error) => {
  logUserError(error?.stack ?? String(error));
  process.exit(1);
});
