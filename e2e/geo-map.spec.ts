import type { Locator, Page } from "@playwright/test";
import { countryName } from "@/lib/geo/country";
import type { CountByCountry } from "@/lib/stats/count-by-country";
import { shoot, shootDark, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * The overview's world map over the demo domain (3,000 events from its offices' and homes'
 * networks, placed by the sync's enrichment): the countries drawn and the table's counts are
 * the API's, a country opens the explorer filtered to it, by click and by keyboard, with the
 * map's count, and the toggle counts successful sign-ins instead.
 */
const number = (text: string) => Number(text.replace(/[^0-9]/g, ""));

/** The map's answer once the addresses are placed: the enrichment locates them just after the sync stores them. */
async function mapData(page: Page, search: string): Promise<CountByCountry> {
  let data: CountByCountry | null = null;
  await expect
    .poll(async () => {
      const response = await page.request.get(`/api/stats/map${search}`);
      expect(response.ok()).toBe(true);
      data = (await response.json()) as CountByCountry;
      return data.rows.length;
    })
    .toBeGreaterThan(2);
  return data!;
}

test.beforeEach(async ({ page }) => {
  test.slow();
  await waitForSyncedEvents(page);
  await mapData(page, "?range=all");
});

/** The explorer's own count of what it shows, once it has one. */
async function expectExplorerCount(page: Page, figure: number) {
  const count = page.getByTestId("event-count");
  await expect(count).toBeVisible();
  await expect.poll(async () => number(await count.innerText())).toBe(figure);
}

const countries = (panel: Locator) => panel.getByTestId("world-map").locator("a[data-country]");

test("the map draws every drawable country with events, its table lists their counts, and a country opens its events", async ({ page, consoleErrors }, testInfo) => {
  await page.goto("/?range=all");
  const panel = page.getByTestId("panel-map");
  await expect(panel.getByText("Events by country", { exact: true })).toBeVisible();
  const data = await mapData(page, "?range=all");
  // Drawn most first; a country too small for 1:110m (Singapore, Bahrain…) is listed beside the map instead.
  await expect(countries(panel).first()).toBeVisible();
  const drawn = await countries(panel).evaluateAll((links) => links.map((a) => a.getAttribute("data-country")!));
  expect(drawn.length).toBeGreaterThan(2);
  expect(drawn).toEqual(data.rows.map((r) => r.country).filter((c) => drawn.includes(c)));
  const small = data.rows.filter((r) => !drawn.includes(r.country));
  for (const r of small) await expect(panel.getByTestId("map-not-drawn")).toContainText(`${countryName(r.country)} ${r.count.toLocaleString("en-US")}`);
  if (small.length === 0) await expect(panel.getByTestId("map-not-drawn")).toHaveCount(0);
  await expect(panel.getByTestId("map-legend")).toBeVisible();
  // What no country is given for is said beside the map, as the API counts it.
  const unknown = data.unlocated + data.noAddress;
  await expect(panel.getByTestId("map-unknown")).toContainText(unknown > 0 ? `Unknown location: ${unknown.toLocaleString("en-US")} event` : "Every event has a located address.");

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
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Country is ${countryName(top.country)}`);
  await expectExplorerCount(page, top.count);
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
  await expectExplorerCount(page, data.rows.find((r) => r.country === second)!.count);
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
  const unknown = data.unlocated + data.noAddress;
  await expect(panel.getByTestId("map-unknown")).toContainText(unknown > 0 ? `Unknown location: ${unknown.toLocaleString("en-US")} sign-in` : "Every sign-in has a located address.");

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
  await expectExplorerCount(page, data.rows[0]!.count);
});
