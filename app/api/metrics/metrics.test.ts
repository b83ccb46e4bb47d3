import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "9c4e7a1f3b8d2e6a0c5f7b9d1e3a5c7f";
  process.env.NEXTAUTH_SECRET = "metrics-test-secret-metrics-test-secret-01";
});

import { GET } from "@/app/api/metrics/route";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 71, events: 1_200, defaultLimit: 100 });
});
afterAll(() => emulator.close());

function scrape(authorization?: string) {
  const request = new NextRequest("http://localhost:3000/api/metrics", { headers: authorization ? { authorization } : {} });
  return GET(request, { params: Promise.resolve({}) });
}

/** The value of one sample line, `name{labels} value`, or undefined when absent. */
function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("GET /api/metrics", () => {
  it("refuses a caller without the token, and a wrong one, in the app's error shape", async () => {
    for (const answer of [await scrape(), await scrape("Bearer not-the-metrics-token-at-all"), await scrape("Basic abc")]) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("METRICS_TOKEN") } });
    }
  });

  it("gives the archive's figures from the database and the sync's own, in Prometheus' text format", async () => {
    expect(await runSync(emulator)).toMatchObject({ status: "ran", outcome: "succeeded" });
    const answer = await scrape(`Bearer ${process.env.METRICS_TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    const stored = await db().auditEvent.count();
    const ws = `workspace="${emulator.workspaceGid}"`;
    expect(stored).toBe(1_200);
    expect(sample(text, "audit_database_up")).toBe(1);
    expect(sample(text, "audit_events_stored", ws)).toBe(stored);
    expect(sample(text, "audit_sync_runs", 'kind="sync",outcome="succeeded"')).toBe(1);
    expect(sample(text, "audit_last_successful_run_age_seconds", ws)).toBeLessThan(60);
    expect(sample(text, "audit_newest_event_age_seconds", ws)).toBeGreaterThanOrEqual(0);
    expect(sample(text, "audit_sync_pages_written_total")).toBeGreaterThanOrEqual(12);
    expect(sample(text, "audit_sync_events_written_total")).toBe(stored);
    expect(sample(text, "audit_sync_page_write_seconds_count")).toBe(sample(text, "audit_sync_pages_written_total"));
    expect(sample(text, "audit_db_pool_connections", 'state="total"')).toBeGreaterThan(0);
    // The route's own earlier answers, counted by the wrapper.
    expect(sample(text, "audit_http_requests_total", 'route="metrics",method="GET",status="401"')).toBe(3);
    expect(text).toMatch(/^audit_http_request_duration_seconds_bucket\{le="0\.005",route="metrics",method="GET"\} \d+$/m);
    expect(text).toContain("audit_process_cpu_seconds_total");
    // The token appears nowhere in what a scraper gets.
    expect(text).not.toContain(process.env.METRICS_TOKEN);
  });
});
