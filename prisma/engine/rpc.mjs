// JSON-RPC 2.0 server over stdio, speaking the protocol the Prisma CLI uses
// with the native schema engine: one JSON message per line on stdin/stdout,
// requests answered strictly one at a time, logs as JSON lines on stderr.
import fs from "node:fs";
import readline from "node:readline";
import { createAdapterFactory } from "./adapter.mjs";
import { forwardEngineLog, log } from "./log.mjs";
import { loadSchemaEngineWasm, panicMessage } from "./wasm.mjs";

// CLI method name -> wasm SchemaEngine method name. The CLI already reads the
// migrations directory into `migrationsList` and writes new migration folders
// itself, so these map one to one onto the wasm engine's in-memory API.
const METHODS = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  devDiagnostic: "devDiagnostic",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  evaluateDataLoss: "evaluateDataLoss",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

// The wasm engine computes "the schema the migrations produce" on a shadow
// database only in the commands that receive the adapter factory
// (diagnoseMigrationHistory, devDiagnostic, diff); evaluateDataLoss and
// createMigration just read the engine's cache of those results, keyed by the
// list of applied migrations. `migrate dev` applies pending migrations between
// devDiagnostic and evaluateDataLoss, so the list no longer matches and the
// engine fails with this message. Re-diagnosing fills the cache for the new list.
const NEEDS_MIGRATION_SCHEMA = new Set(["evaluateDataLoss", "createMigration"]);
const SHADOW_CACHE_MISS = /shadow DB must be provided through an external factory/;

const GENERIC_ERROR_CODE = 4466; // what the native engine uses for engine errors

function isWasmTrap(error) {
  return error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError";
}

function toRpcError(error) {
  if (isWasmTrap(error)) {
    const message = panicMessage() || error.message;
    return { code: GENERIC_ERROR_CODE, message, data: { is_panic: true, message, error: { message }, backtrace: error.stack } };
  }
  const message = error?.message ?? String(error);
  const data = { is_panic: false, message, meta: error?.meta ?? {} };
  // SchemaConnectorError carries user-facing Prisma codes (P3005, P1012...);
  // driver errors carry SQLSTATEs in `code`, which the CLI must not show as P-codes.
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) data.error_code = error.code;
  return { code: GENERIC_ERROR_CODE, message: "An error happened. Check the data field for details.", data };
}

export function startRpcServer({ datasource, datamodelPaths }) {
  let engine = null;
  let enginePromise = null;
  let adapter = null;
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map();
  let queue = Promise.resolve();
  let shuttingDown = false;
  let inFlight = null; // id of the request being served

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // The wasm engine connects to the database as soon as it is constructed, so
  // it is only built once a request arrives (the CLI sometimes spawns and stops).
  function getEngine() {
    enginePromise ??= (async () => {
      if (!datasource?.url) {
        throw Object.assign(new Error("The schema engine shim needs a datasource URL: set `datasource.url` in prisma.config.ts."), {
          code: "P1012",
        });
      }
      const { SchemaEngine } = await loadSchemaEngineWasm();
      adapter = createAdapterFactory(datasource);
      const datamodels = datamodelPaths.length > 0
        ? datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")])
        : undefined;
      engine = await SchemaEngine.new({ datamodels }, forwardEngineLog, adapter.factory);
      return engine;
    })();
    return enginePromise;
  }

  function requestFromCli(method, params) {
    const id = `shim-${nextOutgoingId++}`;
    return new Promise((resolve) => {
      pendingOutgoing.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });
  }

  async function call(method, params) {
    if (method === "getDatabaseVersion") {
      // The CLI only uses this for error reports; the wasm engine ignores its params.
      return (await getEngine()).version(undefined);
    }
    if (method === "ensureConnectionValidity") {
      return (await getEngine()).ensureConnectionValidity({ datasource: { tag: "ConnectionString", url: datasource?.url ?? "" } });
    }
    if (method === "debugPanic") {
      (await getEngine()).debugPanic();
      return null;
    }
    if (method === "diff") {
      const { exitCode, stdout } = await (await getEngine()).diff(params);
      // The native engine prints through a "print" request that the CLI writes
      // to its stdout (adding a newline); the wasm engine returns the text.
      if (stdout) await requestFromCli("print", { content: stdout.replace(/\n$/, "") });
      return { exitCode };
    }
    const target = METHODS[method];
    if (!target) {
      throw Object.assign(new Error(`Method not supported by the schema engine shim: ${method}`), { rpcCode: -32601 });
    }
    const current = await getEngine();
    // Call through the instance: wasm-bindgen methods need `this`.
    try {
      return await current[target](params);
    } catch (error) {
      if (!NEEDS_MIGRATION_SCHEMA.has(method) || !SHADOW_CACHE_MISS.test(error?.message ?? "")) throw error;
      log("DEBUG", `${method}: migration schema not cached yet, diagnosing migration history on a shadow database first`);
      await current.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return current[target](params);
    }
  }

  async function handleRequest(message) {
    const { id, method, params } = message;
    inFlight = id;
    try {
      const result = await call(method, params);
      // JSON.stringify drops `undefined`, and a response without `result` is rejected by the CLI.
      send({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (error) {
      log("DEBUG", `Request ${method} failed: ${error?.stack ?? error}`);
      const rpcError = error?.rpcCode
        ? { code: error.rpcCode, message: error.message }
        : toRpcError(error);
      if (rpcError.data?.is_panic) log("ERROR", rpcError.message, { is_panic: true });
      send({ jsonrpc: "2.0", id, error: rpcError });
      // After a trap the wasm instance is poisoned; nothing else can be served.
      if (rpcError.data?.is_panic) await shutdown(101);
    } finally {
      inFlight = null;
    }
  }

  // Wasm traps can surface outside the awaited promise (inside a callback the
  // engine scheduled); answer the pending request instead of dying silently.
  process.on("uncaughtException", (error) => {
    const rpcError = toRpcError(error);
    if (!rpcError.data.is_panic) log("ERROR", error?.stack ?? String(error));
    if (inFlight !== null) send({ jsonrpc: "2.0", id: inFlight, error: rpcError });
    shutdown(101);
  });

  function onLine(line) {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      pendingOutgoing.get(message.id)?.(message);
      pendingOutgoing.delete(message.id);
      return;
    }
    if (message.id === undefined) return; // notifications need no answer
    queue = queue.then(() => handleRequest(message));
  }

  async function shutdown(code = 0) {
    if (shuttingDown) return;
    shuttingDown = true;
    try {
      engine?.free();
    } catch {
      // Busy or already poisoned; the process is going away anyway.
    }
    await adapter?.close().catch((error) => log("WARN", `Cleanup failed: ${error.message}`));
    process.exit(code);
  }

  log("INFO", "Starting schema engine shim (wasm) in JSON-RPC mode");
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", onLine);
  // The CLI ends stdin and then SIGTERMs us right away: finish pending work,
  // close pools and drop leftover shadow databases in both cases.
  rl.on("close", () => queue.then(() => shutdown(0)));
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
    process.on(signal, () => {
      queue.then(() => shutdown(0));
      // A request stuck on the database (e.g. a lock) must not keep us alive after Ctrl-C.
      setTimeout(() => shutdown(0), 5000).unref();
    });
  }
}
