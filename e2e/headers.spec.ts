import { anonymousRequest, expect, test } from "./fixtures";

/** Security headers on pages, API answers and the sign-in flow; session cookie flags. */
const paths = ["/login", "/", "/api/health", "/api/status", "/api/auth/csrf"];

for (const path of paths) {
  test(`security headers on ${path}`, async ({ request }) => {
    const answer = await request.get(path, { maxRedirects: 0 });
    const headers = answer.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("the session cookie is httpOnly and SameSite=Lax (and Secure when served over HTTPS)", async ({ context, baseURL }) => {
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.secure).toBe(baseURL!.startsWith("https://"));
});

test("state-changing API requests from another site are refused, even with a session", async ({ request }) => {
  const byOrigin = await request.post("/api/sync", { headers: { origin: "https://evil.example" }, data: {} });
  expect(byOrigin.status()).toBe(403);
  expect(((await byOrigin.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  const byFetchMetadata = await request.post("/api/sync", { headers: { "sec-fetch-site": "cross-site" }, data: {} });
  expect(byFetchMetadata.status()).toBe(403);
});

test("the app runs under its content security policy without violations", async ({ page, consoleErrors }) => {
  // Chrome reports each blocked script, style, font, frame or connection on the console.
  const violations = () => consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text));
  for (const path of ["/", "/audit", "/events", "/sync"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("button", { name: "Change theme" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(violations()).toEqual([]);
});

test("pages name the product's icon, and it loads without a session", async ({ page, baseURL }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const anonymous = await anonymousRequest(baseURL);
  const icon = await anonymous.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await anonymous.dispose();
});

test("the audit trail page renders without a console error", async ({ page, consoleErrors }) => {
  await page.goto("/audit");
  await expect(page.getByTestId("audit-trail-table")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("audit-trail-table")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
