import type { Page } from "@playwright/test";
import { request } from "@playwright/test";
import { ADMIN_STORAGE_STATE, OIDC, OIDC_ISSUER } from "./constants";
import { expect, signedOut, test } from "./fixtures";

test.use(signedOut);

/** Through the local OpenID provider's own login form, as the given user. */
async function signInThroughIdp(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Continue with ${OIDC.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password: the IdP checks it, not the dashboard");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("an allowed user signs in through the OpenID provider", async ({ page }) => {
  await signInThroughIdp(page, OIDC.allowedEmail);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`Account menu for .*${OIDC.allowedEmail}`) })).toBeVisible();
  expect((await page.request.get("/api/status")).status()).toBe(200);
});

test("anyone else is refused with a clear page, not a loop", async ({ page }) => {
  await signInThroughIdp(page, OIDC.refusedEmail);
  await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
  await expect(page.getByTestId("sign-in-error")).toContainText("This account is not allowed in");
  // The page stays put: no redirect chain back to the IdP.
  const url = page.url();
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(url);
  expect((await page.request.get("/api/status")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  // The refusal is in the dashboard's own audit trail, with the reason.
  const admin = await request.newContext({ baseURL: test.info().project.use.baseURL, storageState: ADMIN_STORAGE_STATE });
  const trail = (await (await admin.get("/api/audit?action=sign_in.refused")).json()) as { entries: Array<{ actorEmail: string; details: { reason?: string } }> };
  expect(trail.entries[0]).toMatchObject({ actorEmail: OIDC.refusedEmail, details: { reason: "not_on_allow_list" } });
  await admin.dispose();
});
