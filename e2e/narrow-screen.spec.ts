import { eventTypeLabel } from "@/lib/asana/event-types";
import { shoot, waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * The explorer on a phone (390 × 844, issue 16 case 10): each event a card with its name whole,
 * nothing wider than the screen, and filter chips on one line each.
 */
test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

const scrollsSideways = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test("events show as cards with their whole names, and the page does not scroll sideways", async ({ page, consoleErrors }, testInfo) => {
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  const cards = page.getByTestId("event-card");
  await expect(cards.first()).toBeVisible();
  await expect(page.locator("tbody tr[data-gid]")).toHaveCount(0);

  const gids = await cards.evaluateAll((all) => all.map((c) => (c as HTMLElement).dataset.gid!));
  const listed = (await (await page.request.get("/api/events?range=90d")).json()) as { events: Array<{ gid: string; eventType: string }> };
  expect(gids).toEqual(listed.events.map((e) => e.gid));
  const names = await page.getByTestId("event-card-type").evaluateAll((all) => all.map((p) => ({ text: (p as HTMLElement).innerText, cut: p.scrollWidth > p.clientWidth })));
  expect(names.map((n) => n.text)).toEqual(listed.events.map((e) => eventTypeLabel(e.eventType)));
  expect(names.filter((n) => n.cut)).toEqual([]);
  expect(await page.evaluate(scrollsSideways)).toBe(false);

  // A card opens its event as a row does.
  await cards.first().click();
  await expect(page.getByRole("dialog").getByTestId("event-sentence")).toBeVisible();
  await shoot(page, testInfo, "explorer at 390 px", false);
  expect(consoleErrors).toEqual([]);
});

test("filter chips stay on one line, their values cut with the whole condition as a tooltip", async ({ page }, testInfo) => {
  const text = "a phrase long enough to need two lines in any chip of this width";
  await page.goto(`/events?range=90d&category=deletion&not_actor_type=asana&text=${encodeURIComponent(text)}`);
  await waitForHydration(page);
  const chips = page.getByRole("list", { name: "Active filters" }).getByTestId("filter-chip");
  await expect(chips).toHaveCount(3);
  for (const chip of await chips.all()) {
    const box = (await chip.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(26);
  }
  await expect(chips.filter({ hasText: "Text is" })).toHaveAttribute("title", new RegExp(`^Text is ${text}`));
  await shoot(page, testInfo, "filter chips at 390 px", false);
});
