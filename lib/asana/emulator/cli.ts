/**
 * Runs the emulator for demos and manual syncs:
 *
 *   npx tsx lib/asana/emulator/cli.ts --port 4010 --seed 42 --events 100000 [--live-rate 2]
 *     [--late-share 0.05] [--max-delay-ms 1800000] [--token demo-token] [--workspace 1200000000000001]
 *     [--no-rate-limit] [--hostile] [--hostile-rounds 2] [--hostile-live-share 0.02] [--log-level info]
 *
 * `--hostile` mixes records Asana's contract allows but that break naive consumers (NUL, bidi,
 * 200,000-character names, __proto__, dates in 2099 and year 0…) into the history, and (with a
 * live rate) into live events: see hostile.ts. The only file of the emulator that reads process
 * state (argv, signals).
 */
import { parseArgs as parseNodeArgs } from "node:util";
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
  hostile: { rounds: number; liveShare: number } | false;
  logLevel: string;
}

function parseArgs(argv: string[]): CliArgs {
  const { values } = parseNodeArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string", default: "4010" },
      seed: { type: "string", default: "42" },
      events: { type: "string", default: "100000" },
      "live-rate": { type: "string", default: "0" },
      "late-share": { type: "string", default: "0.05" },
      "max-delay-ms": { type: "string", default: String(30 * 60_000) },
      token: { type: "string", default: "demo-token" },
      workspace: { type: "string", default: "1200000000000001" },
      "no-rate-limit": { type: "boolean", default: false },
      hostile: { type: "boolean", default: false },
      "hostile-rounds": { type: "string", default: "1" },
      "hostile-live-share": { type: "string", default: "0.02" },
      "log-level": { type: "string", default: "info" },
    },
  });
  const num = (flag: keyof typeof values) => {
    const n = Number(values[flag]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag} needs a non-negative number`);
    return n;
  };
  return {
    port: num("port"),
    seed: values.seed,
    events: Math.floor(num("events")),
    liveRate: num("live-rate"),
    lateShare: num("late-share"),
    maxDelayMs: num("max-delay-ms"),
    token: values.token,
    workspace: values.workspace,
    rateLimit: !values["no-rate-limit"],
    hostile: values.hostile || values["hostile-rounds"] !== "1" ? { rounds: Math.floor(num("hostile-rounds")), liveShare: num("hostile-live-share") } : false,
    logLevel: values["log-level"],
  };
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
    hostile: args.hostile,
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
      hostile: args.hostile,
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
