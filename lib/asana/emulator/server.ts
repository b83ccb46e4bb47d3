import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import pino, { type Logger } from "pino";
import { BufferPool } from "./buffer-pool";
import { createControl, type EmulatorControl } from "./control";
import { finishPage } from "./page-writer";
import { EmulatorCore, type Answer, type RuntimeSettings } from "./core";
import { FaultInjector, type FaultSettings } from "./faults";
import { hostileHistory } from "./hostile";
import { LiveFeed, type LiveSettings } from "./live";
import { generateOrganisation, type Organisation } from "./organisation";
import { seed32 } from "./random";
import type { RateLimitSettings } from "./rate-limit";
import { emptyStats, type EmulatorStats } from "./stats";
import { EventStream } from "./stream";
import type { Clock } from "./types";

const DAY = 86_400_000;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Base URL clients see in next_page.uri; defaults to http://host:port. */
  publicUrl?: string;
  seed?: number | string;
  /** Size of the generated organisation (default 1000). */
  events?: number;
  days?: number;
  /** A ready organisation; seed, events, days and workspaceGid are then taken from it. */
  organisation?: Organisation;
  workspaceGid?: string;
  /** The service-account token that may read the workspace (default "demo-token"). */
  token?: string;
  /** More tokens and the workspaces each may read (others get 403, unknown ones 404). */
  tokens?: Array<{ token: string; workspaces: string[] }>;
  /** Workspaces that exist but hold no events. */
  otherWorkspaces?: string[];
  /** Epoch-ms clock for retention, offsets, rate windows and created_at of new events. */
  clock?: Clock;
  /** Page size without `limit` (default 1000). */
  defaultLimit?: number;
  /** Largest accepted `limit` (default 100, as Asana's spec says). */
  maxLimit?: number;
  /** Offset lifetime (default 15 minutes, what Asana's own offsets carry as exp - iat). */
  offsetTtlMs?: number;
  offsetSecret?: string;
  retentionDays?: number;
  /** Default 1500 a minute per token; false turns it off. */
  rateLimit?: RateLimitSettings | false;
  /** Default 50 in flight per token; false turns it off. */
  maxConcurrent?: number | false;
  faults?: FaultSettings;
  live?: LiveSettings | false;
  /** Build the next page of a sequential read while the reader handles the current one (default on). */
  prefetch?: boolean;
  /**
   * Hostile mode: `rounds` of every hostile record (hostile.ts) mixed into the history, and
   * (with live mode) `liveShare` of live events hostile. Off by default.
   */
  hostile?: { rounds?: number; liveShare?: number } | false;
  logger?: Logger;
}

export interface Emulator {
  /** Root URL, e.g. http://127.0.0.1:4010; the API lives under url + "/api/1.0". */
  url: string;
  apiBase: string;
  port: number;
  workspaceGid: string;
  token: string;
  organisation: Organisation;
  control: EmulatorControl;
  stats: EmulatorStats;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const logger = options.logger ?? pino({ level: "warn", base: { component: "asana-emulator" } });
  const clock = options.clock ?? Date.now;
  const organisation =
    options.organisation ??
    generateOrganisation({
      seed: options.seed ?? 42,
      events: options.events ?? 1000,
      days: options.days ?? 90,
      now: clock(),
      workspaceGid: options.workspaceGid,
    });
  const workspaceGid = organisation.workspaceGid;
  const token = options.token ?? "demo-token";
  const grants = new Map<string, Set<string>>([[token, new Set([workspaceGid])]]);
  for (const t of options.tokens ?? []) grants.set(t.token, new Set(t.workspaces));

  const settings: RuntimeSettings = {
    defaultLimit: options.defaultLimit ?? 1000,
    maxLimit: options.maxLimit ?? 100,
    offsetTtlMs: options.offsetTtlMs ?? 15 * 60_000,
    retentionMs: (options.retentionDays ?? 90) * DAY,
    rateLimit: options.rateLimit === false ? null : (options.rateLimit ?? { requests: 1500, windowMs: 60_000 }),
    maxConcurrent: options.maxConcurrent === false ? null : (options.maxConcurrent ?? 50),
    faults: options.faults ?? {},
    live: null,
    prefetch: options.prefetch ?? true,
  };
  const stats = emptyStats();
  const buffers = new BufferPool();
  const stream = new EventStream(organisation);
  const faults = new FaultInjector(seed32(`${organisation.seed}:faults`));
  const live = new LiveFeed(stream, clock, organisation.seed);
  const core = new EmulatorCore({
    stream,
    clock,
    settings,
    stats,
    faults,
    // Random per run by default: a restarted emulator refuses old offsets, as a real expiry would.
    offsetSecret: options.offsetSecret ?? randomBytes(32).toString("hex"),
    workspaceGid,
    buffers,
    otherWorkspaces: new Set(options.otherWorkspaces ?? []),
    grants,
    logger,
  });

  const sockets = new Set<Socket>();
  let publicBase = "";
  const server = createServer((req, res) => {
    handle(core, req, res, publicBase, stats, logger, buffers);
  });
  server.keepAliveTimeout = 30_000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  publicBase = options.publicUrl?.replace(/\/+$/, "") ?? url;

  const control = createControl({
    settings,
    stream,
    faults,
    live,
    stats,
    clock,
    limiter: core.limiter,
    organisation,
    onSettingsChanged: () => core.settingsChanged(),
  });
  if (options.hostile) {
    for (const entry of hostileHistory(organisation, options.hostile.rounds ?? 1)) stream.appendRaw(entry.record, clock(), entry.storedAt);
  }
  if (options.live) control.set({ live: options.hostile ? { hostileShare: options.hostile.liveShare ?? 0.02, ...options.live } : options.live });
  logger.debug({ url, workspaceGid, events: organisation.size }, "asana audit log emulator listening");

  return {
    url,
    apiBase: `${url}/api/1.0`,
    port,
    workspaceGid,
    token,
    organisation,
    control,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        live.stop();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function handle(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  publicBase: string,
  stats: EmulatorStats,
  logger: Logger,
  buffers: BufferPool,
): void {
  core
    .handle(req.method ?? "GET", req.url ?? "/", req.headers.authorization, publicBase)
    .then((answer) => deliver(answer, res, stats, buffers))
    .catch((err: unknown) => {
      logger.error({ err }, "emulator failed to answer");
      if (!res.headersSent) {
        const body = JSON.stringify({ errors: [{ message: "Server Error", phrase: "1 broken emulator apologises sincerely" }] });
        stats.byStatus[500] = (stats.byStatus[500] ?? 0) + 1;
        res.writeHead(500, { "Content-Type": "application/json; charset=UTF-8" }).end(body);
      }
    });
}

function deliver(answer: Answer, res: ServerResponse, stats: EmulatorStats, buffers: BufferPool): void {
  if (answer.kind === "reset") {
    res.socket?.destroy();
    return;
  }
  const status = answer.kind === "page" ? 200 : answer.status;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  const headers: Record<string, string | number> = {
    "Content-Type": "application/json; charset=UTF-8",
    ...(answer.kind === "json" ? answer.headers : undefined),
  };
  let buf: Buffer;
  let length: number;
  let pooled = false;
  if (answer.kind === "page") {
    ({ buf, length } = finishPage(answer.head, answer.nextPage, buffers));
    pooled = true;
  } else {
    buf = Buffer.from(answer.body, "utf8");
    length = buf.length;
  }
  const release = pooled ? () => buffers.release(buf) : undefined;
  if (answer.truncate) {
    // Chunked and properly ended, but the JSON stops half way: the client's parser must cope.
    res.writeHead(status, headers);
    res.end(buf.subarray(0, Math.floor(length / 2)), release);
    return;
  }
  headers["Content-Length"] = length;
  res.writeHead(status, headers);
  // 'finish' means the socket has taken every byte; only then may a pooled buffer be reused.
  res.end(buf.subarray(0, length), release);
}
