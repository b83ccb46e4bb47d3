import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "audit-export-test-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

import { encode } from "next-auth/jwt";
import { GET } from "@/app/api/sync/audit-export/route";
import { manualClock, type Emulator } from "@/lib/asana/emulator";
import { addAdmin } from "@/lib/auth/admins";
import { sessionCookieName } from "@/lib/auth/session";
import { openSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { verifyArchive } from "@/lib/integrity/verify";
import { runReconcile, runSync, startTestEmulator } from "@/lib/testing/sync-harness";

/**
 * The audit export and its manifest, checked exactly as the README tells an auditor to: the
 * commands between the audit-check markers, run by bash with jq and sha256sum, no app.
 */
let emulator: Emulator;
let cookie: string;
let dir: string;

async function readmeCommands(): Promise<string> {
  const readme = await readFile("README.md", "utf8");
  const block = readme.slice(readme.indexOf("<!-- audit-check:start -->"), readme.indexOf("<!-- audit-check:end -->"));
  return block.slice(block.indexOf("```sh") + 5, block.lastIndexOf("```"));
}

function check(commands: string): string[] {
  const run = spawnSync("bash", ["-euo", "pipefail", "-c", commands], { cwd: dir, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split("\n");
}

beforeAll(async () => {
  const clock = manualClock(Date.now());
  emulator = await startTestEmulator({ seed: 71, events: 1_500, clock: clock.now, hostile: { rounds: 1 } });
  await runSync(emulator);
  await runReconcile(emulator, { now: () => new Date(clock.now()) });
  const admin = await addAdmin({ email: "audit-export@example.com", password: "audit export password" });
  const session = await openSession({ adminId: admin.id, provider: "credentials" });
  cookie = `${sessionCookieName()}=${await encode({ token: { sid: session.id, email: admin.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
  dir = await mkdtemp(path.join(tmpdir(), "audit-export-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (query = "") => GET(new NextRequest(`http://localhost:3000/api/sync/audit-export${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });

describe("the audit export", () => {
  it("checks out with the README's commands alone, hostile records included, and shows the head verify prints", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="audit-export-\d+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.ndjson"/);
    const file = await response.text();
    await writeFile(path.join(dir, "audit-export.ndjson"), file);
    const commands = await readmeCommands();
    const lines = check(commands);
    const sealedDays = await db().coverageDay.count({ where: { digest: { not: null } } });
    expect(sealedDays).toBeGreaterThanOrEqual(88);
    expect(lines.filter((l) => / events ok$/.test(l))).toHaveLength(sealedDays);
    expect(lines.filter((l) => / chain ok$/.test(l))).toHaveLength(sealedDays);
    expect(lines.filter((l) => /DIFFER|BROKEN/.test(l))).toEqual([]);
    const head = (await verifyArchive()).heads[0]!;
    expect(lines.at(-1)).toBe(`head ${head.day} ${head.chain}`);
    expect(await db().dashboardAuditEntry.count({ where: { action: "export.audit" } })).toBe(1);
  });

  it("shows a changed event and a forged chain to the same commands", async () => {
    const file = (await (await get()).text()).split("\n");
    const victim = file.findIndex((l) => l.includes('"raw"') && l.includes("user_login"));
    const day = (JSON.parse(file[victim]!) as { day: string }).day;
    file[victim] = file[victim]!.replace("user_login", "user_logon");
    const manifest = JSON.parse(file.at(-2)!) as { manifest: { days: Array<{ chain: string; day: string }> } };
    const forged = manifest.manifest.days[10]!;
    forged.chain = forged.chain.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    file[file.length - 2] = JSON.stringify(manifest);
    await writeFile(path.join(dir, "audit-export.ndjson"), file.join("\n"));
    const lines = check(await readmeCommands());
    expect(lines.filter((l) => /DIFFER|BROKEN/.test(l)).sort()).toEqual([`${day} events DIFFER`, `${forged.day} chain BROKEN`, `${manifest.manifest.days[11]!.day} chain BROKEN`].sort());
  });

  it("narrows to a range of days, and answers 400 to a day that is not one", async () => {
    const days = await db().coverageDay.findMany({ where: { digest: { not: null } }, orderBy: { day: "asc" }, take: 3 });
    const [from, , to] = days.map((d) => d.day.toISOString().slice(0, 10));
    const text = await (await get(`?from=${from}&to=${to}`)).text();
    const manifest = (JSON.parse(text.trim().split("\n").at(-1)!) as { manifest: { days: Array<{ day: string }> } }).manifest;
    expect(manifest.days.map((d) => d.day)).toEqual(days.map((d) => d.day.toISOString().slice(0, 10)));
    expect((await get("?from=2026-02-30")).status).toBe(400);
    expect((await get("?bogus=1")).status).toBe(400);
    expect((await get("?from=2026-01-01&from=2026-01-02")).status).toBe(400);
  });
});
