import { E2E_PORT } from "./constants";
import { expect, signedOut, signInWithPassword, test } from "./fixtures";

test.use(signedOut);

/**
 * Case 8 of issue #13: the e2e server runs in demo mode with NEXTAUTH_URL at localhost. Reached
 * at 127.0.0.1 instead, sign-in used to end back on the sign-in page without a word.
 */
test("case 8: in demo mode, signing in at 127.0.0.1 (not NEXTAUTH_URL's localhost) works and stays at that address", async ({ page, consoleErrors }) => {
  const elsewhere = `http://127.0.0.1:${E2E_PORT}`;
  await page.goto(`${elsewhere}/audit`);
  await expect(page).toHaveURL(`${elsewhere}/login?callbackUrl=%2Faudit`);
  await signInWithPassword(page);
  await expect(page).toHaveURL(`${elsewhere}/audit`);
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  const cookies = await page.context().cookies(elsewhere);
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token") && c.domain === "127.0.0.1")).toBe(true);
  expect(consoleErrors).toEqual([]);
});
