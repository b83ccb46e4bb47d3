import { mkdirSync } from "node:fs";
import path from "node:path";
import { ADMIN_STORAGE_STATE } from "./constants";
import { expect, signInWithPassword, test } from "./fixtures";

// One sign-in for the whole run: the other specs reuse this session (playwright.config.ts).
test("sign in as the demo admin", async ({ page }) => {
  await page.goto("/login");
  await signInWithPassword(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  mkdirSync(path.dirname(ADMIN_STORAGE_STATE), { recursive: true });
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
