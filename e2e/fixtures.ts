import { test as base, expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ADMIN } from "./constants";

/**
 * Shared fixtures. Specs get the demo admin's saved session by default (playwright.config.ts
 * points every test at e2e/.auth/admin.json); `test.use(signedOut)` starts without one.
 *   - `consoleErrors`: the page's console errors (CSP violations and resources that failed to
 *     load among them) and uncaught errors, to assert none happened.
 *   - `signInWithPassword(page, email, password)`: fills the sign-in page like a person.
 */
export const signedOut = { storageState: { cookies: [], origins: [] } };

/**
 * An API client with no session at all. (`request.newContext` inside a test inherits the
 * project's storageState, which is the admin's session: say "none" explicitly.)
 */
export function anonymousRequest(baseURL: string | undefined, extraHTTPHeaders?: Record<string, string>): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: signedOut.storageState, extraHTTPHeaders });
}

export async function signInWithPassword(page: Page, email: string = DEMO_ADMIN.email, password: string = DEMO_ADMIN.password) {
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      // Chromium's "Failed to load resource" names no address; the location does.
      if (message.type() === "error") errors.push(message.location().url ? `${message.text()} (${message.location().url})` : message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect };
