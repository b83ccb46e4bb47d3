import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "timeout-test-secret-timeout-test-secret-01";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.QUERY_TIMEOUT = "1500ms";
});

import { encode } from "next-auth/jwt";
import { GET as health } from "@/app/api/health/route";
import { GET as statsPanel } from "@/app/api/stats/[panel]/route";
import { addAdmin } from "@/lib/auth/admins";
import { sessionCookieName } from "@/lib/auth/session";
import { openSession } from "@/lib/auth/sessions";

/**
 * Every query of a page or API call runs under QUERY_TIMEOUT. A query kept waiting (here
 * behind a lock another session holds on audit_event, which any slow plan would do as well)
 * is stopped, and answered with a 503 that says how to narrow it; meanwhile the health check
 * answers at once, on a connection of its own, though every pooled connection is busy.
 */
let cookie: string;
let locker: pg.Client;

beforeAll(async () => {
  const admin = await addAdmin({ email: "timeout-test@example.com", password: "timeout test password" });
  const session = await openSession({ adminId: admin.id, provider: "credentials" });
  cookie = `${sessionCookieName()}=${await encode({ token: { sid: session.id, email: admin.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
  locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
});
afterAll(() => locker.end());

const panel = (path: string) =>
  statsPanel(new NextRequest(`http://localhost:3000/api/stats/${path}`, { headers: { cookie } }), { params: Promise.resolve({ panel: path.split("?")[0]! }) });

describe("a chart query that runs past QUERY_TIMEOUT", () => {
  it("is stopped and answered 503 with what to narrow, while /api/health stays quick", async () => {
    await locker.query("BEGIN; LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE");
    try {
      const started = performance.now();
      // More than the pool's ten connections, all kept waiting.
      const heavy = Array.from({ length: 12 }, () => panel(`over-time?range=all&not_text=${Array.from({ length: 50 }, (_, i) => `term${i}`).join(",")}`));
      await new Promise((r) => setTimeout(r, 200));
      const healthStarted = performance.now();
      const live = await health(new NextRequest("http://localhost:3000/api/health"), { params: Promise.resolve({}) });
      expect(live.status).toBe(200);
      expect(performance.now() - healthStarted).toBeLessThan(1_000);

      const answers = await Promise.all(heavy);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        const body = (await answer.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("query_timeout");
        expect(body.error.message).toMatch(/more than 1\.5 s.*Narrow it: a shorter time range/);
      }
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await locker.query("ROLLBACK");
    }
    expect((await panel("over-time?range=all")).status).toBe(200);
  });
});
