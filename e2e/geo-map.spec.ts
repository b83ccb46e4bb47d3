import type { Locator, Page } from "@playwright/test";
import { LOCATE_STORED_ADDRESSES, PLAUSIBLE_COUNTRIES } from "@/lib/testing/ip-locations";
import type { CountByCountry } from "@/lib/stats/count-by-country";
import { shoot, shootDark, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * The overview's world map over the demo domain (3,000 events), its addresses placed in
 * plausible countries as the enrichment would: the countries drawn and the table's counts are
 * the API's, a country opens the explorer filtered to it by click and by keyboard, and the
 * toggle counts successful sign-ins instead.
 */
const number = (text: string) => Number(text.replace(/[^0-9]/g, ""));

test.beforeEach(async ({ page }) => {
  test.slow();
  await waitForSyncedEvents(page);
  await withE2eDatabase((client) => client.query(LOCATE_STORED_ADDRESSES, [PLAUSIBLE_COUNTRIES]));
});

async function mapData(page: Page, search: string): Promise<CountByCountry> {
  const response = await page.request.get(`/api/stats/map${search}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as CountByCountry;
}

const countries = (panel: Locator) => panel.getByTestId("world-map").locator("a[data-country]");

test("the map draws every drawable country with events, its table lists their counts, and a country opens its events", async ({ page, consoleErrors }, testInfo) => {
  await page.goto("/?range=all");
  const panel = page.getByTestId("panel-map");
  await expect(panel.getByText("Events by country", { exact: true })).toBeVisible();
  const data = await mapData(page, "?range=all");
  expect(data.rows.length).toBeGreaterThan(5);
  // Singapore is not drawn at 1:110m: it is listed beside the map, still a link.
  const drawn = data.rows.filter((r) => r.country !== "SG");
  await expect(countries(panel)).toHaveCount(drawn.length);
  expect(await countries(panel).evaluateAll((links) => links.map((a) => a.getAttribute("data-country")))).toEqual(drawn.map((r) => r.country));
  await expect(panel.getByTestId("map-not-drawn")).toContainText("Singapore");
  await expect(panel.getByTestId("map-legend")).toBeVisible();
  const unknown = data.unlocated + data.noAddress;
  expect(data.unlocated).toBeGreaterThan(0);
  await expect(panel.getByTestId("map-unknown")).toContainText(`Unknown location: ${unknown.toLocaleString("en-US")} events`);

  // The pointer names a country with its count.
  const top = data.rows[0]!;
  await countries(panel).first().hover();
  await expect(panel.getByTestId("map-tooltip")).toContainText(`${top.count.toLocaleString("en-US")} events`);

  await panel.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "world map", false);
  await shootDark(page, testInfo, "world map (dark)", false, async () => {
    await panel.scrollIntoViewIfNeeded();
    await expect(countries(panel).first()).toBeVisible();
  });

  // The table: country, flag, count and share, most first, each count a link.
  await panel.getByRole("button", { name: "Show as table" }).click();
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(data.rows.length);
  const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim())));
  expect(table.map((cells) => number(cells[1]!))).toEqual(data.rows.map((r) => r.count));
  expect(table[0]![2]).toBe(`${((top.count / data.total) * 100).toFixed(1)}%`);
  await expect(rows.first().getByRole("img")).toHaveAttribute("aria-label", table[0]![0]!);
  await panel.getByRole("button", { name: "Show as chart" }).click();

  await countries(panel).first().click();
  await expect(page).toHaveURL(new RegExp(`/events\\?(?=.*range=all)(?=.*country=${top.country})`));
  expect(consoleErrors).toEqual([]);
});

test("from the keyboard: one Tab stop, arrows from the busiest country down, Enter opens one", async ({ page }) => {
  await page.goto("/?range=30d");
  const panel = page.getByTestId("panel-map");
  await expect(countries(panel).nth(1)).toBeVisible();
  const data = await mapData(page, "?range=30d");
  await panel.getByRole("button", { name: "Show as table" }).focus();
  await page.keyboard.press("Tab");
  await expect(countries(panel).first()).toBeFocused();
  await expect(panel.getByTestId("map-focus")).toBeAttached();
  await expect(panel.getByTestId("map-tooltip")).toContainText(data.rows[0]!.count.toLocaleString("en-US"));
  await page.keyboard.press("ArrowDown");
  await expect(countries(panel).nth(1)).toBeFocused();
  // Tab leaves the map in one step, Shift+Tab comes back to the country last focused.
  await page.keyboard.press("Tab");
  await expect(countries(panel).nth(1)).not.toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(countries(panel).nth(1)).toBeFocused();
  const second = (await countries(panel).nth(1).getAttribute("data-country"))!;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/events\\?(?=.*range=30d)(?=.*country=${second})`));
});

test("the toggle maps successful sign-ins, in the URL, and their countries open sign-ins", async ({ page }, testInfo) => {
  await page.goto("/?range=all&actor_type=user");
  const panel = page.getByTestId("panel-map");
  await expect(countries(panel).first()).toBeVisible();
  await panel.getByRole("button", { name: "Sign-ins" }).click();
  await expect(page).toHaveURL(/[?&]map=sign_ins/);
  await expect(panel.getByText("Sign-ins by country", { exact: true })).toBeVisible();
  const data = await mapData(page, "?range=all&actor_type=user&map=sign_ins");
  const signIns = (await (await page.request.get("/api/events/count?range=all&actor_type=user&type=user_login_succeeded&exact=1")).json()) as { count: number };
  expect(data.total).toBe(signIns.count);
  await expect(countries(panel).first()).toHaveAttribute("data-country", data.rows[0]!.country);
  await expect(panel.getByTestId("map-unknown")).toContainText("sign-ins");

  // On a phone the map shrinks with the panel, which stays within the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await panel.evaluate((card) => card.scrollWidth <= card.clientWidth)).toBe(true);
  expect((await panel.getByTestId("world-map").boundingBox())!.width).toBeLessThanOrEqual(box.width);
  await shoot(page, testInfo, "world map of sign-ins at 390 px", false);

  await countries(panel).first().click();
  await expect(page).toHaveURL(new RegExp(`/events\\?(?=.*type=user_login_succeeded)(?=.*actor_type=user)(?=.*country=${data.rows[0]!.country})`));
});
