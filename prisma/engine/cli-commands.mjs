// `schema-engine --datasource <json> cli <command>`: database-level commands
// the Prisma CLI runs as one-shot processes (e.g. before `migrate dev` and
// `migrate deploy`, to create a missing database). The wasm engine cannot do
// these (they are unimplemented for driver adapters), so they use `pg` directly.
//
// Contract, from the CLI: exit code 0 means success; on failure the CLI drops
// the first stderr line, parses every other line as JSON and looks for the
// ERROR record of target "schema_engine::logger" with fields.error_code.
import { log, logUserError } from "./log.mjs";
import { parseDatabaseUrl, quoteIdent, toPrismaError, withAdminClient, withDatabase } from "./postgres.mjs";

// Databases that always exist and can host CREATE/DROP DATABASE.
const MAINTENANCE_DATABASES = ["postgres", "template1"];

async function withMaintenanceClient(info, fn) {
  let lastError;
  for (const name of MAINTENANCE_DATABASES) {
    try {
      return await withAdminClient(withDatabase(info, name), fn);
    } catch (error) {
      // Only retry when the maintenance database itself is missing.
      if (error.code !== "3D000") throw error;
      lastError = error;
    }
  }
  throw lastError;
}

const COMMANDS = {
  "can-connect-to-database": async (info) => {
    await withAdminClient(info, (client) => client.query("SELECT 1"));
  },
  "create-database": async (info) => {
    await withMaintenanceClient(info, async (client) => {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(info.database)}`);
      } catch (error) {
        if (error.code !== "42P04") throw error; // duplicate_database: already there is fine.
      }
    });
    log("INFO", `Database \`${info.database}\` created.`);
  },
  "drop-database": async (info) => {
    await withMaintenanceClient(info, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(info.database)}`));
  },
};

/** @returns {Promise<number>} the process exit code */
export async function runCliCommand(command, datasource) {
  // The first stderr line is skipped by the CLI's parser, so make it a harmless one.
  log("INFO", `Starting schema engine shim CLI command ${command}`);
  const handler = COMMANDS[command];
  if (!handler) {
    logUserError(`Unknown schema engine CLI command: ${command}`);
    return 1;
  }
  let info;
  try {
    if (!datasource?.url) throw new Error("No datasource URL was given to the schema engine (--datasource).");
    info = parseDatabaseUrl(datasource.url);
  } catch (error) {
    logUserError(error.message);
    return 1;
  }
  try {
    await handler(info);
    return 0;
  } catch (error) {
    const { code, message } = toPrismaError(error, info);
    logUserError(message, code);
    return 1;
  }
}
