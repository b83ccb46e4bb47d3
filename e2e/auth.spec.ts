import { request } from "@playwright/test";
import { ADMIN_STORAGE_STATE, DEMO_ADMIN } from "./constants";
import { anonymousRequest, expect, signedOut, signInWithPassword, signOut, test } from "./fixtures";

test.describe("password sign-in", () => {
  test.use(signedOut);

  test("sign in, see the app, sign out, and be refused after, even with the old cookie", async ({ page, baseURL, consoleErrors }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await signInWithPassword(page);
    // Back where the admin was going, inside the app's shell with their identity.
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    await expect(page.getByRole("button", { name: `Account menu for Demo Admin (${DEMO_ADMIN.email})` })).toBeVisible();
    const [session] = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
    expect(session, "a session cookie after sign-in").toBeDefined();

    await signOut(page);
    await expect(page.getByTestId("signed-out")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);

    // The signed-out session is dead in the registry, not only deleted from the browser.
    const replay = await anonymousRequest(baseURL, { cookie: `${session!.name}=${session!.value}` });
    expect((await replay.get("/api/status")).status()).toBe(401);
    const pageAnswer = await replay.get("/", { maxRedirects: 0 });
    expect(pageAnswer.status()).toBe(307);
    expect(pageAnswer.headers()["location"]).toMatch(/\/login/);
    expect(await (await replay.get("/api/auth/session")).json()).toEqual({});
    await replay.dispose();

    // The sign-in and the sign-out are in the dashboard's own audit trail.
    const admin = await request.newContext({ baseURL, storageState: ADMIN_STORAGE_STATE });
    const trail = (await (await admin.get("/api/audit?limit=10")).json()) as { entries: Array<{ action: string; actorEmail: string }> };
    expect(trail.entries.find((e) => e.action === "sign_out")).toMatchObject({ actorEmail: DEMO_ADMIN.email });
    expect(trail.entries.find((e) => e.action === "sign_in.success")).toMatchObject({ actorEmail: DEMO_ADMIN.email });
    await admin.dispose();

    expect(consoleErrors, "no console errors or CSP violations").toEqual([]);
  });

  test("a wrong password is refused in words, and nothing opens", async ({ page }) => {
    await page.goto("/login");
    await signInWithPassword(page, DEMO_ADMIN.email, "not-the-password");
    await expect(page.getByTestId("sign-in-failed")).toContainText("do not match an admin account");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a foreign callbackUrl cannot send the admin to another site", async ({ page }) => {
    await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
    await signInWithPassword(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
});

test.describe("signed in", () => {
  test("the sign-in page sends a signed-in admin on into the app", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  });
});
