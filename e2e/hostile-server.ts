import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateOrganisation, hostileHistory, recordValue, type HostileEntry } from "@/lib/asana/emulator";
import { storedGid } from "@/lib/sync/sanitize-record";
import { DEMO_ADMIN, E2E_PORT } from "./constants";

/**
 * A second app, started by the launcher exactly as `npm start` does, in demo mode with the
 * emulator's hostile mode on (DEMO_HOSTILE): its own embedded PostgreSQL, its own port. The
 * shared e2e server stays a well-behaved domain that the other specs count on. Reconciliation
 * is off, so its days stay unverified and the horizon warning shows.
 */
export const HOSTILE_PORT = E2E_PORT + 7;
export const HOSTILE_EVENTS = 1_500;
const HOSTILE_SEED = 11;

export interface HostileServer {
  url: string;
  /** The hostile records of the demo organisation's history, as the emulator serves them. */
  hostile: HostileEntry[];
  /** The gid the app files a record under (an unlinkable one is made safe). */
  gidOf: (entry: HostileEntry) => string;
  /** Null while it runs; otherwise how it ended and the end of what it wrote on stderr. */
  death: () => string | null;
  stop: () => Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-e2e-hostile-"));
  chmodSync(dir, 0o755);
  const url = `http://localhost:${HOSTILE_PORT}`;
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/server/launch.ts", "start"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(HOSTILE_PORT),
      EMBEDDED_PG_DIR: path.join(dir, "pg"),
      DEMO_EVENTS: String(HOSTILE_EVENTS),
      DEMO_SEED: String(HOSTILE_SEED),
      DEMO_LIVE_RATE: "0",
      DEMO_HOSTILE: "true",
      // Nothing re-reads or verifies days here: every closed day stays "not verified", so the
      // warning for days near Asana's horizon shows at once (the main e2e server verifies them).
      RECONCILE_ENABLED: "false",
      DEMO_ADMIN_PASSWORD: DEMO_ADMIN.password,
      SYNC_INTERVAL: "5s",
      NEXTAUTH_URL: url,
      LOG_FORMAT: "json",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr!.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the hostile-mode server exited (${server.exitCode}): ${stderr}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the hostile-mode server did not come up: ${stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // The organisation the server generated, rebuilt from the anchor it keeps beside its database.
  const anchor = JSON.parse(readFileSync(path.join(dir, "demo-organisation.json"), "utf8")) as { historyEnd: number };
  const org = generateOrganisation({ seed: HOSTILE_SEED, events: HOSTILE_EVENTS, days: 90, now: anchor.historyEnd });
  return {
    url,
    hostile: hostileHistory(org, 2),
    gidOf: (entry) => storedGid((recordValue(entry.record) as { gid: string }).gid),
    death: () => (server.exitCode === null && server.signalCode === null ? null : `exited (${server.exitCode ?? server.signalCode}): ${stderr}`),
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
