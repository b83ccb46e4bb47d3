import { DEMO_ADMIN } from "./constants";
import { expect, test } from "./fixtures";
import { adminCookie, auditTrail, probe } from "./http-probe";

/**
 * Issue #13's cases against the running server, each by its number: what an attacker, or an
 * admin's first hour with a real deployment, gets from the app's own HTTP server and routes.
 */

test("case 1: a signed-in admin's callbackUrl with a tab, CR, LF or an ideographic full stop stays on the dashboard, never a 500", async ({ page }) => {
  for (const callback of ["%2F%09%2Fevil.example%2Fx", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%2Fevil%E3%80%82example%2Fx", "%E3%80%82", "%2Fevents%3Ftext%3D%E3%80%82"]) {
    const answer = await probe({ path: `/login?callbackUrl=${callback}`, headers: { cookie: adminCookie() } });
    expect(answer.status, callback).toBe(307);
    const location = String(answer.headers["location"]);
    expect(new URL(location, "http://app.invalid").origin, `${callback} → ${location}`).toBe("http://app.invalid");
    expect(location, callback).toMatch(/^\/(?!\/)/);
  }
  // What Chromium makes of it: the admin lands on the dashboard, not on evil.example.
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example%2Fx");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test("case 2: bodies over the bound are a 413 before they are read, on sign-in and on the API", async () => {
  const huge = await probe({ method: "POST", path: "/api/auth/callback/credentials", declaredLength: 60_000_000, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(huge.status).toBe(413);
  expect(huge.ms).toBeLessThan(2_000);
  const form = await probe({ method: "POST", path: "/api/auth/callback/credentials", body: `email=a%40b.c&password=${"x".repeat(20_000)}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(form.status).toBe(413);
  const json = await probe({ method: "POST", path: "/api/saved-queries", body: JSON.stringify({ name: "x", search: "x".repeat(300_000) }), headers: { cookie: adminCookie(), "content-type": "application/json" } });
  expect(json.status).toBe(413);
  expect(JSON.parse(json.body)).toMatchObject({ error: { code: "payload_too_large" } });
});

test("case 3: X-Forwarded-For is ignored at TRUSTED_PROXY_HOPS=0: the audit trail stores the socket's address", async () => {
  const csrf = await probe({ path: "/api/auth/csrf" });
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const setCookies = [csrf.headers["set-cookie"] ?? []].flat();
  const cookie = setCookies.map((c) => c.split(";")[0]!).join("; ");
  for (const forged of ["7.7.7.8", '"><svg onload=alert(1)>']) {
    const form = new URLSearchParams({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password, csrfToken: token, callbackUrl: "/", json: "true" });
    const answer = await probe({ method: "POST", path: "/api/auth/callback/credentials", body: form.toString(), headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forged, "x-real-ip": forged } });
    expect(answer.status, forged).toBe(200);
    const [latest] = await auditTrail("sign_in.success");
    expect(latest!.ip, forged).toMatch(/^(127\.0\.0\.1|::1)$/);
  }
});

test("case 7: TRACE is a 405, the image optimiser is gone, HEAD on the export reads and records nothing, a hostile request id is replaced", async () => {
  const trace = await probe({ method: "TRACE", path: "/", headers: { cookie: adminCookie() } });
  expect(trace.status).toBe(405);
  expect(trace.body).not.toContain("next-auth");

  const image = await probe({ path: "/_next/image?url=%2Faudit&w=64&q=75" });
  expect(image.status).toBeGreaterThanOrEqual(400);
  expect(image.status).toBeLessThan(500);

  const exportsBefore = (await auditTrail()).filter((e) => e.action.startsWith("export.")).length;
  const head = await probe({ method: "HEAD", path: "/api/events/export?range=all&format=csv", headers: { cookie: adminCookie() } });
  expect(head.status).toBe(200);
  expect(head.headers["content-disposition"]).toMatch(/attachment/);
  expect((await auditTrail()).filter((e) => e.action.startsWith("export.")).length).toBe(exportsBefore);

  const id = await probe({ path: "/api/health", headers: { "x-request-id": "<svg onload=alert(1)>" } });
  expect(id.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("case 5: the inputs that gave 500s answer 400 with the reason", async () => {
  const cursor = (at: string) => Buffer.from(`${at}|6f1c2b1e-0000-4000-8000-000000000000`).toString("base64url");
  for (const path of [
    "/api/events?ip=1.2.3.4%3A%3A",
    "/api/events?ip=1.2.3.4%3A%3A%2F64",
    "/api/events?after=0000-01-01T00%3A00%3A00.000Z~1204",
    "/api/events?before=0000-01-01T00%3A00%3A00.000Z~1204",
    "/api/events/newer?since=0000-01-01T00%3A00%3A00.000Z~1204",
    `/api/audit?cursor=${cursor("0000-01-01T00:00:00.000Z")}`,
    `/api/audit?cursor=${cursor("-271821-04-20T00:00:00.000Z")}`,
  ]) {
    const answer = await probe({ path, headers: { cookie: adminCookie() } });
    expect(answer.status, path).toBe(400);
    expect((JSON.parse(answer.body) as { error: { message: string } }).error.message.length, path).toBeGreaterThan(10);
  }
});
