import { shoot, shootDark, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/** From the overview's top actors to one person's timeline, and from there to a resource's history. */

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

test("an actor opened from the overview's chart shows who they are and their events by day", async ({ page, consoleErrors }, testInfo) => {
  // Several pages and two full screenshots on a 2-core server that may be busy.
  test.slow();
  // People: the busiest actor of all is Asana itself, which signs in from no address to mark.
  await page.goto("/?range=all&actor_type=user");
  const top = page.getByTestId("top-actor-link").first();
  const name = (await top.innerText()).trim();
  await top.click();
  await expect(page).toHaveURL(/\/actors\/\d+\?.*range=all/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const identity = page.getByTestId("actor-identity");
  await expect(identity).toContainText("First seen");
  const total = Number((await identity.getByRole("link").first().innerText()).replace(/[^0-9]/g, ""));
  expect(total).toBeGreaterThan(0);

  const timeline = page.getByTestId("event-timeline");
  await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  await expect(page.getByTestId("actor-used")).toContainText("IP addresses");
  // Their first event from some address is marked as new for them.
  await expect(async () => {
    while (await page.getByRole("button", { name: "Load more" }).isVisible()) await page.getByRole("button", { name: "Load more" }).click();
    await expect(timeline.getByTestId("timeline-marker").first()).toBeVisible();
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("event-count")).toContainText(String(total.toLocaleString("en-US")));

  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, testInfo, "actor timeline", false);
  await shootDark(page, testInfo, "actor timeline (dark)", false, async () => {
    await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  });

  // Each event links to itself in the explorer.
  const first = timeline.getByTestId("timeline-event").first().getByRole("link").first();
  await first.click();
  await expect(page).toHaveURL(/\/events\?.*actor=[^&]+.*event=/);
  expect(consoleErrors).toEqual([]);
});

test("the actor list searches and sorts; a resource's history shows who touched it", async ({ page }) => {
  await page.goto("/actors?sort=events");
  const rows = page.getByTestId("actor-row");
  await expect(rows.first()).toBeVisible();
  const counts = await rows.locator("td:nth-child(5)").allInnerTexts();
  const values = counts.map((c) => Number(c.replace(/[^0-9]/g, "")));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const name = (await rows.first().locator("a").first().innerText()).trim();
  await page.getByRole("searchbox", { name: "Search actors" }).fill(name.split(" ")[0]!);
  await expect(page).toHaveURL(/q=/);
  await expect(rows.first()).toContainText(name.split(" ")[0]!);
  await rows.first().locator("a").first().click();
  await expect(page).toHaveURL(/\/actors\/[^/?]+/);

  const resource = page.getByTestId("event-timeline").locator("a[href^='/resources/']").first();
  await expect(resource).toBeVisible();
  await resource.click();
  await expect(page).toHaveURL(/\/resources\/\d+\?range=all/);
  await expect(page.getByTestId("resource-summary")).toContainText("First touched");
  const history = page.getByTestId("event-timeline");
  await expect(history.getByTestId("timeline-event").first()).toBeVisible();
  await expect(history.getByTestId("history-actor").first()).toBeVisible();
});

test("a link to the actor list or the audit trail with settings they do not take says which, and opens without them", async ({ page }) => {
  await page.goto("/actors?sort=height&colour=red&q=ann");
  const notice = page.getByTestId("invalid-params");
  await expect(notice).toContainText('"height" is not allowed for "sort"');
  await expect(notice).toContainText('"colour" is not a filter or view setting of the actor list');
  await notice.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/actors\?q=ann$/);
  await expect(page.getByRole("heading", { name: "Actors" })).toBeVisible();
  await expect(page.getByTestId("invalid-params")).toHaveCount(0);

  await page.goto("/audit?action=sync.trigger&action=sign_out");
  await expect(page.getByTestId("invalid-params")).toContainText('"action" is given more than once');
});
