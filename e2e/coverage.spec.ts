import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { waitForSyncedEvents } from "./demo-domain";

/**
 * Reconciliation in the running app: the Sync page's calendar fills with verified days, the
 * archive verifies, and the sealed days export with their manifest.
 */
test("the coverage calendar fills with verified days, the archive verifies, and sealed days export with their manifest", async ({ page, consoleErrors }) => {
  await page.goto("/sync");
  await waitForSyncedEvents(page);
  await page.reload();
  await page.getByRole("button", { name: "Reconcile now" }).click();
  await expect(page.getByText(/Reconciliation (started|is already running)/)).toBeVisible();
  const calendar = page.getByRole("region", { name: /^Workspace \d+$/ });
  await expect(async () => {
    await page.reload();
    expect(await calendar.locator('[data-state="verified"], [data-state="filled"]').count()).toBeGreaterThanOrEqual(85);
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  await expect(calendar.getByTestId("chain-head")).toHaveText(/^[0-9a-f]{64}$/);
  const verified = calendar.locator('[data-state="verified"]').first();
  await expect(verified).toHaveAttribute("title", /Verified complete · [\d,]+ stored · [\d,]+ listed by Asana when re-read · sealed/);

  await page.getByRole("button", { name: "Verify archive" }).click();
  await expect(page.getByText(/All \d+ sealed day\(s\) are as sealed/)).toBeVisible({ timeout: 60_000 });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export sealed days" }).click();
  const file = readFileSync(await (await download).path(), "utf8").trim().split("\n");
  const manifest = (JSON.parse(file.at(-1)!) as { manifest: { days: Array<{ matches: boolean; events: number }>; head: { chain: string } } }).manifest;
  expect(manifest.days.length).toBeGreaterThanOrEqual(85);
  expect(manifest.days.every((d) => d.matches)).toBe(true);
  expect(file.length - 1).toBe(manifest.days.reduce((a, d) => a + d.events, 0));
  // The calendar names the same chain head (read again, as a scheduled run may have sealed since).
  await page.reload();
  await expect(calendar.getByTestId("chain-head")).toHaveText(manifest.head.chain);

  // A day of the calendar opens its events in the explorer.
  await verified.click();
  await expect(page).toHaveURL(/\/events\?from=\d{4}-\d{2}-\d{2}T00:00:00\.000Z&to=/);
  expect(consoleErrors).toEqual([]);
});
