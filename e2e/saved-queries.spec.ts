import { expect, test } from "./fixtures";
import { DEMO_ADMIN } from "./constants";

/**
 * A saved query's life in the browser: saved from the explorer with its short link, renamed
 * and deleted from the list, each change in the audit trail under the admin who made it.
 */
test("a view saved from the explorer opens by its short link, is renamed and deleted, and the trail keeps each change", async ({ page, consoleErrors }) => {
  const name = `Deletions ${Date.now()}`;
  await page.goto("/events?range=30d&category=deletion");
  await page.getByRole("button", { name: "Save query" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  // Rolling or frozen is chosen on purpose: no choice, no save.
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose a rolling or a frozen time range.");
  await dialog.getByRole("radio", { name: /^Rolling/ }).check();
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: "Query saved" })).toBeVisible();
  const link = await dialog.getByLabel("Short link").inputValue();
  expect(link).toMatch(/\/q\/[A-Za-z0-9_-]+$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.goto(new URL(link).pathname);
  await expect(page.getByTestId("saved-window")).toHaveAttribute("data-mode", "relative");
  await page.getByRole("link", { name: "Open in Events" }).click();
  await expect(page).toHaveURL(/\/events\?.*category=deletion/);
  await expect(page).toHaveURL(/range=30d/);

  await page.goto("/saved");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Rename or edit…" }).click();
  const edit = page.getByRole("dialog");
  await edit.getByLabel("Name").fill(`${name} (renamed)`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("link", { name: `${name} (renamed)` })).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${name} (renamed)` }).click();
  await page.getByRole("menuitem", { name: /Delete/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("link", { name: `${name} (renamed)` })).toHaveCount(0);

  const trail = (await (await page.request.get("/api/audit?limit=10")).json()) as { entries: Array<{ action: string; actorEmail: string; details: { name?: string } }> };
  const mine = trail.entries.filter((e) => e.details?.name?.startsWith(name)).map((e) => [e.action, e.actorEmail]);
  expect(mine).toEqual([
    ["saved_query.delete", DEMO_ADMIN.email],
    ["saved_query.update", DEMO_ADMIN.email],
    ["saved_query.create", DEMO_ADMIN.email],
  ]);
  expect(consoleErrors).toEqual([]);
});
