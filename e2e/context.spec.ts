import type { Page } from "@playwright/test";
import type { EventRow } from "@/lib/events/event-row";
import { waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * Context around an event (issue 16, case 7): from an event's drawer and page, the explorer
 * over a window around its time, filtered to its actor, IP address or resource, with the event
 * itself among the rows and marked; from an actor timeline's marker, what happened next.
 */
test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

/** An event of a person (a gid), from an IP address, on a resource with a gid. */
async function richEvent(page: Page): Promise<EventRow> {
  const response = await page.request.get("/api/events?range=all&size=500&actor_type=user");
  expect(response.ok()).toBe(true);
  const { events } = (await response.json()) as { events: EventRow[] };
  const event = events.find((e) => e.actorGid && e.clientIp && e.resourceGid && /^\d+$/.test(e.resourceGid));
  expect(event).toBeDefined();
  return event!;
}

const minutes = (a: string | null, b: string) => (Date.parse(a!) - Date.parse(b)) / 60_000;

async function expectMarked(page: Page, gid: string) {
  // The mark is read from the address's fragment once the page runs in the browser.
  await waitForHydration(page);
  const row = page.locator(`tr[data-gid="${gid}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-marked", "true");
  await expect(row).toBeInViewport();
}

test("an event's drawer opens its actor's quarter of an hour either side, with the event marked in it", async ({ page, consoleErrors }) => {
  const event = await richEvent(page);
  await page.goto(`/events?range=all&event=${event.gid}`);
  await waitForHydration(page);
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByTestId("event-sentence")).toBeVisible();
  await drawer.getByRole("navigation", { name: "Surrounding events" }).getByRole("link", { name: "This actor ±15 minutes" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]actor=${event.actorGid}(&|$|#)`));
  const url = new URL(page.url());
  expect(minutes(url.searchParams.get("from"), event.createdAt)).toBe(-15);
  expect(minutes(url.searchParams.get("to"), event.createdAt)).toBe(15);
  expect(url.searchParams.get("sort")).toBe("oldest");
  await expectMarked(page, event.gid);
  // Every row is the same actor's, within the window.
  const gids = await page.locator("tbody tr[data-gid]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.gid!));
  const listed = (await (await page.request.get(`/api/events${url.search}`)).json()) as { events: EventRow[] };
  expect(listed.events.map((e) => e.gid)).toEqual(gids);
  for (const e of listed.events) {
    expect(e.actorGid).toBe(event.actorGid);
    expect(Math.abs(minutes(e.createdAt, event.createdAt))).toBeLessThanOrEqual(15);
  }
  expect(consoleErrors).toEqual([]);
});

test("an event's own page opens its IP address an hour either side and its resource a day either side", async ({ page, consoleErrors }) => {
  const event = await richEvent(page);
  await page.goto(`/events/${event.gid}`);
  const around = page.getByRole("navigation", { name: "Surrounding events" });
  await around.getByRole("link", { name: "This IP ±1 hour" }).click();
  await expect(page).toHaveURL(/[?&]ip=/);
  let url = new URL(page.url());
  expect(url.searchParams.get("ip")).toBe(event.clientIp);
  expect(minutes(url.searchParams.get("from"), event.createdAt)).toBe(-60);
  expect(minutes(url.searchParams.get("to"), event.createdAt)).toBe(60);
  await expectMarked(page, event.gid);

  await page.goto(`/events/${event.gid}`);
  await page.getByRole("navigation", { name: "Surrounding events" }).getByRole("link", { name: "Same resource ±1 day" }).click();
  await expect(page).toHaveURL(/[?&]resource=/);
  url = new URL(page.url());
  expect(url.searchParams.get("resource")).toBe(event.resourceGid);
  expect(minutes(url.searchParams.get("from"), event.createdAt)).toBe(-24 * 60);
  await expectMarked(page, event.gid);
  expect(consoleErrors).toEqual([]);
});

test("a marker on an actor's timeline opens what they did next, from that event on", async ({ page, consoleErrors }) => {
  const event = await richEvent(page);
  await page.goto(`/actors/${event.actorGid}?range=all`);
  const marked = page.locator("[data-testid='timeline-event'][data-marked='true']").filter({ has: page.getByTestId("timeline-marker") }).first();
  await expect(marked).toBeVisible({ timeout: 60_000 });
  await marked.getByRole("link", { name: "What happened next" }).click();

  await expect(page).toHaveURL(new RegExp(`/events\\?.*actor=${event.actorGid}`));
  const url = new URL(page.url());
  expect(url.searchParams.get("to")).toBeNull();
  expect(url.searchParams.get("sort")).toBe("oldest");
  const gid = decodeURIComponent(url.hash.replace("#event-", ""));
  // The marked event opens the list: nothing before it, what followed after it.
  await expect(page.locator("tbody tr[data-gid]").first()).toHaveAttribute("data-gid", gid);
  await expectMarked(page, gid);
  expect(consoleErrors).toEqual([]);
});
