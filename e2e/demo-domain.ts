import type { Page, TestInfo } from "@playwright/test";
import { DEMO_EVENT_COUNT } from "./constants";
import { expect } from "./fixtures";

/** Waits until the server's first sync has stored the whole demo domain. */
export async function waitForSyncedEvents(page: Page) {
  await expect(async () => {
    const response = await page.request.get("/api/events/count?range=all");
    expect(response.ok()).toBe(true);
    expect(((await response.json()) as { count: number }).count).toBeGreaterThanOrEqual(DEMO_EVENT_COUNT);
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 5_000] });
}

/**
 * Waits until the explorer has hydrated: the zone toggle names the browser's zone only then.
 * Hidden ones count: an open drawer makes the page behind it inert (aria-hidden), not unseen.
 */
export async function waitForHydration(page: Page) {
  await expect(page.getByRole("button", { name: /^Local \(UTC/, includeHidden: true })).toBeVisible({ timeout: 60_000 });
}

/** A screenshot kept with the test's results, as a file and as an attachment of the report. */
export async function shoot(page: Page, testInfo: TestInfo, name: string, fullPage: boolean) {
  const path = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "").toLowerCase()}.png`);
  await page.screenshot({ path, fullPage, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The same page in the dark theme, loaded as such (next-themes remembers the choice), then back to light. */
export async function shootDark(page: Page, testInfo: TestInfo, name: string, fullPage: boolean, ready: () => Promise<void>) {
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await ready();
  await shoot(page, testInfo, name, fullPage);
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.reload();
  await ready();
}
