// Loads the WebAssembly build of Prisma's schema engine.
//
// The JS glue (wasm-bindgen output) comes from @prisma/schema-engine-wasm. The
// wasm binary preferably comes from the pinned `prisma` CLI itself
// (node_modules/prisma/build/schema_engine_bg.wasm), because that one is built
// from exactly the engines commit the CLI was released with. Glue and binary
// must agree on the hashed import names, so we check that and fall back to the
// binary shipped next to the glue when they do not.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { log } from "./log.mjs";

const require = createRequire(import.meta.url);
const GLUE_MODULE = "./schema_engine_bg.js";

// Not require.resolve(`${name}/package.json`): both packages have an
// "exports" map that hides package.json, so walk node_modules like Node does.
function resolvePackageDir(name) {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (fs.existsSync(path.join(dir, name, "package.json"))) return path.join(dir, name);
  }
  return null;
}

function candidateWasmFiles(gluePackageDir) {
  const files = [];
  if (process.env.PRISMA_SCHEMA_ENGINE_WASM) files.push(path.resolve(process.env.PRISMA_SCHEMA_ENGINE_WASM));
  const cliDir = resolvePackageDir("prisma");
  if (cliDir) files.push(path.join(cliDir, "build", "schema_engine_bg.wasm"));
  files.push(path.join(gluePackageDir, "schema_engine_bg.wasm"));
  return files.filter((file) => fs.existsSync(file));
}

let loaded;

/** @returns {Promise<{ SchemaEngine: any, version: () => string, wasmPath: string }>} */
export function loadSchemaEngineWasm() {
  loaded ??= (async () => {
    const glueDir = resolvePackageDir("@prisma/schema-engine-wasm");
    if (!glueDir) {
      throw new Error(
        "Cannot find @prisma/schema-engine-wasm in node_modules: the schema engine shim needs it (it is pinned in package.json; run npm install).",
      );
    }
    const glue = await import(pathToFileURL(path.join(glueDir, "schema_engine_bg.js")).href);

    // The engine reports Rust panic messages through this global before trapping.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(message) {
        this.message = `RuntimeError: ${message}`;
        // Logged right away: a trap inside a wasm callback may never reach a request handler.
        log("ERROR", this.message, { is_panic: true }, "schema_engine::logger");
      },
    };

    for (const wasmPath of candidateWasmFiles(glueDir)) {
      const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
      const missing = WebAssembly.Module.imports(module).filter(
        (imp) => imp.module !== GLUE_MODULE || typeof glue[imp.name] !== "function",
      );
      if (missing.length > 0) continue;
      const instance = await WebAssembly.instantiate(module, { [GLUE_MODULE]: glue });
      glue.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      return { SchemaEngine: glue.SchemaEngine, version: glue.version, wasmPath };
    }
    throw new Error(`No schema_engine_bg.wasm matching the @prisma/schema-engine-wasm glue in ${glueDir} was found.`);
  })();
  return loaded;
}

export function panicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || "";
}
