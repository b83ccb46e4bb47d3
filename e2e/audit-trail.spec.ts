import { DEMO_ADMIN } from "./constants";
import { expect, test } from "./fixtures";

test("the audit trail lists the dashboard's own actions, newest first, filterable", async ({ page }) => {
  // A sync trigger by the signed-in admin, to find in the trail.
  const trigger = await page.request.post("/api/sync", { data: {} });
  expect(trigger.status()).toBe(202);

  await page.goto("/audit");
  const table = page.getByTestId("audit-trail-table");
  await expect(table).toBeVisible();
  const first = table.locator("tbody tr").first();
  await expect(first).toHaveAttribute("data-action", "sync.trigger");
  await expect(first).toContainText(DEMO_ADMIN.email);
  await expect(table.locator('tbody tr[data-action="sign_in.success"]').first()).toContainText(DEMO_ADMIN.email);

  await page.getByRole("combobox", { name: "Action" }).click();
  await page.getByRole("option", { name: "Signed in" }).click();
  await expect(page).toHaveURL(/action=sign_in\.success/);
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-action", "sign_in.success");
  await expect(table.locator('tbody tr:not([data-action="sign_in.success"])')).toHaveCount(0);

  await page.getByRole("searchbox", { name: "Actor" }).fill("nobody-with-this-address");
  await expect(page.getByText("No entries match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/action=/);
  await expect(table.locator("tbody tr").first()).toBeVisible();
});
