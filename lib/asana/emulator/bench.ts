/**
 * How fast the emulator serves a full read, so that a sync benchmark can tell whether it measures
 * the sync or the emulator. Starts an emulator with 1,000,000 events (rate limit off) and pages
 * through it sequentially with the default page size (1000) over keep-alive HTTP for ~10 s.
 *
 *   npx tsx lib/asana/emulator/bench.ts [--events 1000000] [--seconds 10] [--parse]
 *   npx tsx lib/asana/emulator/bench.ts --url http://127.0.0.1:4010 [--token demo-token] [--workspace 1200000000000001]
 *
 * In-process (the default) the emulator and this client share one thread, so the figures are a
 * floor. With --url the client reads a separately started emulator (cli.ts --no-rate-limit),
 * as the app would. Without --parse the client only counts events and finds next_page.offset in
 * the bytes; with --parse it also JSON.parses each page, as a real client would.
 */
import { Agent, request } from "node:http";
import pino from "pino";
import { startEmulator, type Emulator } from "./server";

const MARK = Buffer.from('"event_category":');
const OFFSET = '"offset":"';

interface Fetched {
  status: number;
  bytes: number;
  events: number;
  /** Whole body with --parse; otherwise only its last 4 KB, where next_page sits. */
  body: string;
}

function get(agent: Agent, url: string, token: string, whole: boolean): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let events = 0;
      let tail = Buffer.alloc(0);
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (whole) chunks.push(c);
        // Count events by a key every event has once; the tail carried over catches a split key.
        const scan = Buffer.concat([tail.subarray(-(MARK.length - 1)), c]);
        for (let at = scan.indexOf(MARK); at >= 0; at = scan.indexOf(MARK, at + MARK.length)) events++;
        tail = Buffer.concat([tail, c]).subarray(-4096);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, bytes, events, body: (whole ? Buffer.concat(chunks) : tail).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const log = pino({ base: null });
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const events = Number(opt("--events") ?? 1_000_000);
  const seconds = Number(opt("--seconds") ?? 10);
  const parse = argv.includes("--parse");
  const remote = opt("--url");

  let emulator: Emulator | undefined;
  const t0 = performance.now();
  if (!remote) emulator = await startEmulator({ events, seed: 42, rateLimit: false, maxConcurrent: false });
  const startupMs = performance.now() - t0;
  const apiBase = emulator?.apiBase ?? `${remote!.replace(/\/+$/, "")}/api/1.0`;
  const token = emulator?.token ?? opt("--token") ?? "demo-token";
  const workspace = emulator?.workspaceGid ?? opt("--workspace") ?? "1200000000000001";
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = `${apiBase}/workspaces/${workspace}/audit_log_events`;

  let pages = 0;
  let eventsRead = 0;
  let bytes = 0;
  let offset: string | undefined;
  let passes = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const url = offset ? `${base}?offset=${encodeURIComponent(offset)}` : base;
    const res = await get(agent, url, token, parse);
    if (res.status !== 200) throw new Error(`status ${res.status}: ${res.body.slice(0, 200)}`);
    pages++;
    bytes += res.bytes;
    let count = res.events;
    if (parse) {
      const page = JSON.parse(res.body) as { data: unknown[]; next_page: { offset: string } | null };
      count = page.data.length;
      offset = page.next_page?.offset;
    } else {
      const at = res.body.lastIndexOf(OFFSET);
      offset = at < 0 ? undefined : res.body.slice(at + OFFSET.length, res.body.indexOf('"', at + OFFSET.length));
    }
    eventsRead += count;
    if (count === 0) {
      // Caught up: read the whole log again from the start.
      offset = undefined;
      passes++;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  log.info(
    {
      mode: remote ? "separate process" : "in process",
      events: emulator?.organisation.size,
      startupMs: emulator ? Math.round(startupMs) : undefined,
      seconds: Number(elapsed.toFixed(2)),
      pages,
      pagesPerSecond: Math.round(pages / elapsed),
      eventsPerSecond: Math.round(eventsRead / elapsed),
      megabytesPerSecond: Number((bytes / elapsed / 1e6).toFixed(1)),
      // CPU of this process per page: steadier than wall time on a busy host.
      cpuMsPerPage: Number((cpuMs / pages).toFixed(2)),
      completePasses: passes,
      parse,
      prefetchHits: emulator?.stats.prefetchHits,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
    "emulator bench",
  );
  agent.destroy();
  await emulator?.close();
}

void main();
