import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startDemoUpstream, type DemoUpstream } from "./demo";

interface Served {
  gid: string;
  created_at: string;
}

/** Every event the upstream serves now, in stream order. */
async function readAll(upstream: DemoUpstream): Promise<Served[]> {
  const events: Served[] = [];
  let offset: string | null = null;
  for (;;) {
    const url = new URL(`${upstream.baseUrl}/workspaces/${upstream.workspaceGid}/audit_log_events`);
    if (offset) url.searchParams.set("offset", offset);
    const response = await fetch(url, { headers: { authorization: `Bearer ${upstream.token}` } });
    const page = (await response.json()) as { data: Served[]; next_page: { offset: string } | null };
    events.push(...page.data);
    if (page.data.length === 0 || !page.next_page) return events;
    offset = page.next_page.offset;
  }
}

const HOUR = 60 * 60 * 1000;
const kept = (events: Served[], now: number) => events.filter((e) => Date.parse(e.created_at) >= now - 90 * 24 * HOUR);
const logger = pino({ level: "silent" });
const T0 = Date.parse("2026-11-01T12:00:00Z");
const dirs: string[] = [];
const open: DemoUpstream[] = [];

async function start(dataDir: string, at: number, more: { seed?: number; liveRate?: number; quietSince?: Date | null } = {}) {
  const upstream = await startDemoUpstream({ events: 20_000, seed: more.seed ?? 7, liveRate: more.liveRate ?? 0, dataDir, quietSince: more.quietSince, logger, clock: () => at });
  open.push(upstream);
  return upstream;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((u) => u.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("the demo organisation across restarts", () => {
  it("keeps its history, fills the time the app was off, and never gives a new event an old gid", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "demo-org-"));
    dirs.push(dataDir);

    // First start: the history, then events captured live.
    const first = await start(dataDir, T0, { liveRate: 2000 });
    expect(first.filled).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    const before = await readAll(first);
    await first.close();
    const history = before.slice(0, 20_000);
    const captured = before.slice(20_000);
    expect(captured.length).toBeGreaterThan(10);
    const newest = new Date(Math.max(...before.map((e) => Date.parse(e.created_at))));

    // Five hours later, starting from what the sync had stored.
    const second = await start(dataDir, T0 + 5 * HOUR, { quietSince: newest });
    const after = await readAll(second);
    const filled = after.slice(after.length - second.filled);
    // The same history, less what has passed Asana's 90 days in the meantime.
    expect(after.slice(0, after.length - second.filled)).toEqual(kept(history, T0 + 5 * HOUR));
    // 20,000 events over 90 days is about 9 an hour.
    expect(second.filled).toBe(Math.floor((T0 + 5 * HOUR - newest.getTime()) * (20_000 / (90 * 24 * HOUR))));
    expect(second.filled).toBeGreaterThan(40);
    const times = filled.map((e) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThan(newest.getTime());
    expect(Math.max(...times)).toBeLessThan(T0 + 5 * HOUR);
    const earlier = new Set(before.map((e) => e.gid));
    expect(filled.filter((e) => earlier.has(e.gid))).toEqual([]);
  });

  it("fills nothing when nothing was stored after the history, and starts a new history for another seed", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "demo-org-"));
    dirs.push(dataDir);
    const first = await start(dataDir, T0);
    const history = await readAll(first);
    await first.close();

    const again = await start(dataDir, T0 + HOUR, { quietSince: null });
    // The hour since the history's end is the quiet time: about nine events.
    expect(again.filled).toBe(9);
    const served = await readAll(again);
    expect(served.slice(0, served.length - again.filled)).toEqual(kept(history, T0 + HOUR));
    await again.close();

    const other = await start(dataDir, T0 + 2 * HOUR, { seed: 8 });
    expect(other.filled).toBe(0);
    const newest = Math.max(...(await readAll(other)).map((e) => Date.parse(e.created_at)));
    expect(newest).toBeLessThanOrEqual(T0 + 2 * HOUR);
    expect(newest).toBeGreaterThan(T0 + HOUR);
  });
});
