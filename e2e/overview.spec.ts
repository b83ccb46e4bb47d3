import type { Page } from "@playwright/test";
import { shoot, shootDark, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * The overview over the demo domain (3,000 events over 90 days, no live arrivals): a figure
 * on a chart and the table its click opens count the same events; dragging across the time
 * chart zooms the page's range.
 */
const number = (text: string) => Number(text.replace(/[^0-9]/g, ""));

/** The explorer's own count of what it shows, once it has one: it loads after the rows, later under load. */
async function expectExplorerCount(page: Page, figure: number) {
  const count = page.getByTestId("event-count");
  await expect(count).toBeVisible();
  await expect.poll(async () => number(await count.innerText())).toBe(figure);
}

test.beforeEach(async ({ page }) => {
  // Each test walks several pages of a 2-core server that may be busy: a person would wait too.
  test.slow();
  await waitForSyncedEvents(page);
});

test("a bar of the event-types chart opens a table with the chart's count", async ({ page, consoleErrors }, testInfo) => {
  await page.goto("/?range=all");
  const panel = page.getByTestId("panel-event-types");
  await expect(panel.getByTestId("event-types-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

  // The figure, as the table view reads it.
  await panel.getByRole("button", { name: "Show as table" }).click();
  const firstRow = panel.locator("tbody tr").first();
  const label = (await firstRow.locator("td").first().innerText()).trim();
  const figure = number(await firstRow.locator("td").nth(1).innerText());
  expect(figure).toBeGreaterThan(0);
  await panel.getByRole("button", { name: "Show as chart" }).click();

  await shoot(page, testInfo, "overview", true);
  await shootDark(page, testInfo, "overview (dark)", true, async () => {
    await expect(panel.getByTestId("event-types-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  });

  await panel.getByTestId("event-types-chart").locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/\/events\?.*type=[a-z_]+/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(label);
  await expectExplorerCount(page, figure);
  expect(consoleErrors).toEqual([]);
});

test("a bar of the time chart opens its bucket; a preset panel and a top IP count what they open", async ({ page }) => {
  await page.goto("/?range=30d");
  const chart = page.getByTestId("events-over-time-chart");
  const bars = chart.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect");
  await expect(bars.first()).toBeVisible();

  // The tallest segment of the largest series (the legend's first): hover for its count, click to open it.
  await chart.scrollIntoViewIfNeeded();
  const series = (await chart.getByTestId("chart-legend").locator("li").first().innerText()).replace(/[\d,\s]+$/, "").trim();
  const segments = chart.locator(".recharts-bar").first().locator(".recharts-bar-rectangle");
  const heights = await segments.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
  const segment = segments.nth(heights.indexOf(Math.max(...heights)));
  await segment.hover();
  const entry = chart.locator(".recharts-tooltip-wrapper li").filter({ hasText: series });
  await expect(entry).toBeVisible();
  const figure = number((await entry.innerText()).replace(series, ""));
  expect(figure).toBeGreaterThan(0);
  await segment.click();
  await expect(page).toHaveURL(/\/events\?.*from=.*to=.*category=/);
  await expectExplorerCount(page, figure);

  await page.goto("/?range=all");
  const preset = page.getByTestId("preset-sign-in-failures");
  const presetFigure = number(await preset.locator("span").nth(1).innerText());
  await preset.click();
  await expect(page).toHaveURL(/type=user_login_failed/);
  await expectExplorerCount(page, presetFigure);

  await page.goto("/?range=all");
  const ip = page.getByTestId("top-ips-list").locator("li").first();
  const ipFigure = number(await ip.getByRole("link").innerText());
  await ip.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]ip=/);
  await expectExplorerCount(page, ipFigure);
});

test("dragging across the time chart zooms the range, and Back returns", async ({ page }) => {
  await page.goto("/?range=30d");
  const surface = page.getByTestId("events-over-time-chart").locator(".recharts-surface");
  await expect(page.getByTestId("events-over-time-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);
  const url = new URL(page.url());
  const span = Date.parse(url.searchParams.get("to")!) - Date.parse(url.searchParams.get("from")!);
  expect(span).toBeGreaterThan(0);
  expect(span).toBeLessThan(20 * 86_400_000);
  // The zoomed range shows finer bars, and the explorer opens on the same range.
  await expect(page.getByTestId("panel-over-time")).toContainText(/one bar per (3 hours|hour|day)/);
  await page.goBack();
  await expect(page).toHaveURL(/range=30d/);
});
