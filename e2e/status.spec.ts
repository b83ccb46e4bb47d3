import { expect, test } from "@playwright/test";

// The e2e server runs in demo mode: the built-in emulator serves a small synthetic
// organisation, and the scheduler syncs it shortly after start-up.
test.describe("the running app proves the whole chain", () => {
  test("the overview shows the events the sync stored", async ({ page }) => {
    await page.goto("/");
    await expect(async () => {
      await page.reload();
      const stored = await page.getByTestId("events-stored").innerText();
      expect(Number(stored.replace(/[^0-9]/g, ""))).toBeGreaterThanOrEqual(3000);
    }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
    await expect(page.getByTestId("last-sync")).not.toHaveText("never");
  });

  test("the sync page shows the finished backfill, its runs, and syncs on demand", async ({ page }) => {
    await page.goto("/sync");
    await expect(page.getByText("history complete")).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole("table").first()).toContainText("succeeded");
    await expect(page.getByRole("columnheader", { name: "Events/s" }).first()).toBeVisible();
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByText(/Sync started|already running/)).toBeVisible();
  });

  test("the health check answers without a session", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.ok()).toBe(true);
    expect(await response.json()).toEqual({ ok: true });
  });
});
