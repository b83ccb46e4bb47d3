import { waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * The explorer from the keyboard (issue 16, case 10): a skip link past the filters and counts
 * straight to the rows, the list of shortcuts on "?", and rows looked at that stay out of the
 * browser's history.
 */
test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

test("the first Tab stop skips to the results", async ({ page, consoleErrors }) => {
  await page.goto("/events?range=90d");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('"?" lists the shortcuts', async ({ page }) => {
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  for (const what of ["Focus the query", "Next event (starts on the first row)", "Open the focused event", "This list"]) await expect(sheet.getByText(what)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
});

test("stepping through events with j adds no history entry: Back leaves the explorer", async ({ page }) => {
  await page.goto("/actors");
  await page.goto("/events?range=90d");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  await waitForHydration(page);
  const first = await page.locator("tbody tr[data-gid]").first().getAttribute("data-gid");

  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`event=${first}`));
  for (let i = 0; i < 5; i++) {
    const before = page.url();
    await page.keyboard.press("j");
    await expect(page).not.toHaveURL(before);
  }
  await page.goBack();
  await expect(page).toHaveURL(/\/actors$/);
});
