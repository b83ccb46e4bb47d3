/**
 * Runs the emulator for demos and manual syncs:
 *
 *   npx tsx lib/asana/emulator/cli.ts --port 4010 --seed 42 --events 100000 [--live-rate 2]
 *     [--late-share 0.05] [--max-delay-ms 1800000] [--token demo-token] [--workspace 1200000000000001]
 *     [--no-rate-limit] [--log-level info]
 *
 * The only file of the emulator that reads process state (argv, signals).
 */
import pino from "pino";
import { startEmulator } from "./server";

interface CliArgs {
  port: number;
  seed: string;
  events: number;
  liveRate: number;
  lateShare: number;
  maxDelayMs: number;
  token: string;
  workspace: string;
  rateLimit: boolean;
  logLevel: string;
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    port: 4010,
    seed: "42",
    events: 100_000,
    liveRate: 0,
    lateShare: 0.05,
    maxDelayMs: 30 * 60_000,
    token: "demo-token",
    workspace: "1200000000000001",
    rateLimit: true,
    logLevel: "info",
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
      return n;
    };
    switch (flag) {
      case "--port":
        args.port = num();
        break;
      case "--seed":
        args.seed = value();
        break;
      case "--events":
        args.events = Math.floor(num());
        break;
      case "--live-rate":
        args.liveRate = num();
        break;
      case "--late-share":
        args.lateShare = num();
        break;
      case "--max-delay-ms":
        args.maxDelayMs = num();
        break;
      case "--token":
        args.token = value();
        break;
      case "--workspace":
        args.workspace = value();
        break;
      case "--no-rate-limit":
        args.rateLimit = false;
        break;
      case "--log-level":
        args.logLevel = value();
        break;
      default:
        throw new Error(`unknown flag ${flag}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const log = pino({ level: "info", base: { component: "asana-emulator" } });
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    log.error({ err: (err as Error).message }, "bad arguments");
    process.exitCode = 2;
    return;
  }
  log.level = args.logLevel;
  const started = performance.now();
  const emulator = await startEmulator({
    port: args.port,
    seed: args.seed,
    events: args.events,
    token: args.token,
    workspaceGid: args.workspace,
    rateLimit: args.rateLimit ? undefined : false,
    live: args.liveRate > 0 ? { ratePerSecond: args.liveRate, lateShare: args.lateShare, maxDelayMs: args.maxDelayMs } : false,
    logger: log,
  });
  // Printing the token is deliberate: it is the emulator's own demo credential, not a secret.
  log.info(
    {
      url: emulator.url,
      apiBase: emulator.apiBase,
      workspaceGid: emulator.workspaceGid,
      token: emulator.token,
      events: emulator.organisation.size,
      liveRate: args.liveRate,
      startupMs: Math.round(performance.now() - started),
    },
    `GET ${emulator.apiBase}/workspaces/${emulator.workspaceGid}/audit_log_events with "Authorization: Bearer ${emulator.token}"`,
  );
  const stop = () => {
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const pages = emulator.stats.pagesServed;
    log.info({ stats: emulator.stats, cpuMs: Math.round(cpuMs), cpuMsPerPage: pages ? Number((cpuMs / pages).toFixed(2)) : null }, "stopping");
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
