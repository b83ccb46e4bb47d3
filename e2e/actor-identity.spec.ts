import { shoot, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * Actors without a gid (issue #16, case 1): the demo organisation's external administrators
 * come with a name and an e-mail only, as Asana sends them. They are listed under their type,
 * have a timeline, and the explorer finds their events by e-mail; filter chips read names.
 */

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

test("external administrators are listed, each with a timeline, and the explorer filters by their e-mail", async ({ page, consoleErrors }, testInfo) => {
  test.slow();
  await page.goto("/actors?sort=events");
  await page.getByRole("combobox", { name: "Actor type" }).click();
  await page.getByRole("option", { name: /external admin/i }).click();
  await expect(page).toHaveURL(/type=external_administrator/);
  const count = page.getByTestId("actor-count");
  await expect(count).not.toHaveText(/^0 /);
  const rows = page.getByTestId("actor-row");
  await expect(rows.first()).toBeVisible();
  const name = (await rows.first().locator("a").first().innerText()).trim();
  const email = (await rows.first().locator("td").first().locator("span").last().innerText()).trim();
  expect(email).toMatch(/@/);
  const events = Number((await rows.first().locator("td:nth-child(5)").innerText()).replace(/[^0-9]/g, ""));
  expect(events).toBeGreaterThan(0);
  await shoot(page, testInfo, "external administrators", false);

  await rows.first().locator("a").first().click();
  await expect(page).toHaveURL(/\/actors\/external_administrator%3Aemail%3A[^/?]+\?range=all/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("actor-identity")).toContainText("none (not a user)");
  const timeline = page.getByTestId("event-timeline");
  await expect(timeline.getByTestId("timeline-event")).toHaveCount(events);
  await shoot(page, testInfo, "external administrator timeline", false);

  // Their e-mail, in another case, finds the same events in the explorer.
  await page.goto(`/events?range=all&actor=${encodeURIComponent(email.toUpperCase())}`);
  await expect(page.getByTestId("event-count")).toContainText(new RegExp(`\\b${events}\\b`));
  await expect(page.getByRole("cell", { name: new RegExp(name) }).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("an actor's filter chip reads their name, with the gid in its tooltip", async ({ page }) => {
  await page.goto("/actors?sort=events&type=user");
  const row = page.getByTestId("actor-row").first();
  const name = (await row.locator("a").first().innerText()).trim();
  // Clicked again if the first click came before the list had hydrated and went nowhere.
  await expect(async () => {
    await row.locator("td:nth-child(5) a").click();
    await expect(page).toHaveURL(/\/events\?.*actor=\d+/, { timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
  const gid = new URL(page.url()).searchParams.get("actor")!;
  const chip = page.getByRole("list", { name: "Active filters" }).getByTestId("filter-chip").filter({ hasText: "Actor" });
  await expect(chip).toContainText(name);
  await expect(chip).not.toContainText(gid);
  await expect(chip).toHaveAttribute("title", new RegExp(gid));
});
