import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { superviseServer } from "./supervise";

function capture() {
  const lines: Array<{ level: number; msg: string; signal?: string; exitCode?: number }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const child = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

describe("the launcher's supervision of the web server", () => {
  it("says so when the server dies (here of SIGABRT, as when the heap runs out), stops the rest, and exits with an error", async () => {
    const { logger, lines } = capture();
    const stopped: string[] = [];
    const code = await superviseServer(child("setTimeout(() => process.abort(), 50)"), [async () => void stopped.push("postgres"), async () => void stopped.push("emulator")], logger, new EventEmitter());
    expect(code).toBe(1);
    expect(stopped).toEqual(["emulator", "postgres"]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 60, signal: "SIGABRT", msg: expect.stringMatching(/web server stopped on its own \(signal SIGABRT\).*supervisor restarts/) }));
  });

  it("passes a crashed server's own exit code on, and 1 for an unexpected clean exit", async () => {
    expect(await superviseServer(child("process.exit(3)"), [], capture().logger, new EventEmitter())).toBe(3);
    expect(await superviseServer(child("process.exit(0)"), [], capture().logger, new EventEmitter())).toBe(1);
  });

  it("stops the server and everything else on SIGTERM, and exits 0", async () => {
    const signals = new EventEmitter();
    const server = child("setInterval(() => {}, 1000)");
    const stopped: string[] = [];
    const done = superviseServer(server, [async () => void stopped.push("postgres")], capture().logger, signals);
    signals.emit("SIGTERM");
    expect(await done).toBe(0);
    expect(stopped).toEqual(["postgres"]);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.signalCode ?? server.exitCode).not.toBeNull();
  });

  it("leaves no embedded PostgreSQL running after the server died", { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), "supervise-"));
    await chmod(root, 0o755);
    const dir = path.join(root, "postgres");
    try {
      const server = await startEmbeddedPostgres({ dir });
      const code = await superviseServer(child("process.exit(7)"), [server.stop], capture().logger, new EventEmitter());
      expect(code).toBe(7);
      // A clean shutdown removes the lock file; nothing answers on the port any more.
      expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
      const client = new pg.Client({ connectionString: server.url(), connectionTimeoutMillis: 1_000 });
      await expect(client.connect()).rejects.toThrow();
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(`${dir}.password`, { force: true });
    }
  });
});
