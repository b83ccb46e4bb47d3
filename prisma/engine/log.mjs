// The Prisma CLI parses every stderr line of the schema engine as a JSON log
// record ({ timestamp, level, fields: { message, ... }, target }) and keeps the
// last ERROR record's fields to explain a non-zero exit. Anything else written
// to stderr breaks that parsing, so all diagnostics go through here.

const LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

function thresholdFromEnv() {
  // RUST_LOG may be "info" or a directive list like "schema_engine=debug,info";
  // only the most verbose plain level matters for a shim.
  const spec = (process.env.RUST_LOG ?? "info").toUpperCase();
  let min = LEVELS.INFO;
  for (const part of spec.split(",")) {
    const level = part.includes("=") ? part.split("=")[1] : part;
    if (level in LEVELS) min = Math.min(min, LEVELS[level]);
  }
  return min;
}

const threshold = thresholdFromEnv();

function writeLine(record) {
  try {
    process.stderr.write(`${JSON.stringify(record)}\n`);
  } catch {
    // The CLI may already have closed our stderr while we clean up.
  }
}

export function log(level, message, fields = {}, target = "schema_engine_shim") {
  if ((LEVELS[level] ?? LEVELS.INFO) < threshold) return;
  writeLine({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target });
}

/** Errors in the shape the CLI looks for (`target === "schema_engine::logger"`). */
export function logUserError(message, errorCode) {
  writeLine({
    timestamp: new Date().toISOString(),
    level: "ERROR",
    fields: { is_panic: false, message, ...(errorCode ? { error_code: errorCode } : {}) },
    target: "schema_engine::logger",
  });
}

/** Receives the wasm engine's tracing output, which is already one JSON record per call. */
export function forwardEngineLog(line) {
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    log("INFO", String(line), {}, "schema_engine_wasm");
    return;
  }
  if ((LEVELS[record.level] ?? LEVELS.INFO) < threshold) return;
  writeLine({ timestamp: new Date().toISOString(), ...record });
}
