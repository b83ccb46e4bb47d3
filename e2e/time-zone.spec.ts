import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Case 6, 8 and 9 of #16: one zone on every screen. The browser runs in New York; with
 * "Local" (the default) every time, range, label and timeline reads in New York's zone, from
 * the server's first HTML on, and never as +00:00; the side menu keeps range and zone;
 * calendar ranges follow New York's days; a saved link says whether it is rolling or frozen.
 */
test.use({ timezoneId: "America/New_York" });

const ZONE = "America/New_York";
const NEW_YORK = /-0[45]:00/;

/** The text of every <time> in a page's HTML as the server sent it. */
function timesIn(html: string): string[] {
  return [...html.matchAll(/<time\b[^>]*>([\s\S]*?)<\/time>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
}

async function shownTimes(page: Page): Promise<string[]> {
  return page.locator("time").allInnerTexts();
}

test("Local is New York everywhere, from the first HTML on, and never +00:00", async ({ page, context, consoleErrors }) => {
  test.setTimeout(120_000);
  await context.clearCookies({ name: "audit_tz" });
  // A first visit: the server cannot know the zone, so it renders no time rather than UTC.
  const first = timesIn(await (await page.request.get("/events?range=90d")).text());
  expect(first.filter((t) => t.includes("+00:00"))).toEqual([]);

  await page.goto("/events?range=90d");
  await expect(page.locator("tbody tr[data-gid] time").first()).toHaveText(NEW_YORK);
  expect((await shownTimes(page)).filter((t) => t.includes("+00:00"))).toEqual([]);
  expect((await context.cookies()).find((c) => c.name === "audit_tz")?.value).toBe(encodeURIComponent(ZONE));

  // From now on the server knows it: its HTML already reads in New York.
  const again = timesIn(await (await page.request.get("/events?range=90d")).text());
  expect(again.length).toBeGreaterThan(0);
  expect(again.filter((t) => t && !NEW_YORK.test(t))).toEqual([]);
  await page.goto("/events?range=90d");
  expect((await shownTimes(page)).filter((t) => t.includes("+00:00"))).toEqual([]);

  // The range button, the picker and the query bar read an absolute range in the same zone.
  await page.goto("/events?from=2026-11-20T15:00:00.000Z&to=2026-11-21T15:00:00.000Z");
  const button = page.getByTestId("time-range-button");
  await expect(button).toHaveText(`2026-11-20 10:00 → 2026-11-21 10:00 ${ZONE}`);
  await expect(page.getByRole("combobox", { name: "Query" })).toHaveValue(/from:2026-11-20T10:00:00-05:00 to:2026-11-21T10:00:00-05:00/);
  await button.click();
  await expect(page.getByText(`Absolute, in ${ZONE} (UTC-05:00)`)).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2026-11-20T10:00");
  await page.keyboard.press("Escape");

  // The event's own page.
  await page.goto("/events?range=90d");
  const gid = await page.locator("tbody tr[data-gid]").first().getAttribute("data-gid");
  await page.goto(`/events/${gid}`);
  await expect(page.locator("main time").first()).toHaveText(NEW_YORK);
  expect((await shownTimes(page)).filter((t) => t.includes("+00:00"))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the overview's bars are New York's days and weeks, and an actor's timeline follows the zone, tz=utc included", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/?range=30d&interval=week");
  const chart = page.getByTestId("panel-over-time");
  await expect(chart).toContainText(`one bar per week (${ZONE})`);
  await chart.getByRole("button", { name: "Day" }).click();
  await expect(page).toHaveURL(/interval=day/);
  await expect(chart).toContainText(`one bar per day (${ZONE})`);

  const top = page.getByTestId("top-actor-link").first();
  await top.click();
  await expect(page).toHaveURL(/\/actors\//);
  const timeline = page.getByTestId("event-timeline");
  await expect(timeline.getByTestId("timeline-event").first().locator("time")).toHaveText(NEW_YORK);
  await expect(page.getByTestId("panel-actor-activity")).toContainText(`(${ZONE})`);
  expect((await shownTimes(page)).filter((t) => t.includes("+00:00"))).toEqual([]);

  const url = new URL(page.url());
  url.searchParams.set("tz", "utc");
  await page.goto(url.pathname + url.search);
  await expect(timeline.getByTestId("timeline-event").first().locator("time")).toHaveText(/\+00:00/);
  await expect(page.getByTestId("panel-actor-activity")).toContainText("(UTC)");
});

test("the side menu keeps the range and the zone; calendar ranges are New York's days", async ({ page }) => {
  await page.goto("/events?range=30d&tz=utc");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("href", "/?range=30d&tz=utc");
  await expect(nav.getByRole("link", { name: "Actors" })).toHaveAttribute("href", "/actors?tz=utc");
  await nav.getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/\/\?range=30d&tz=utc$/);

  await page.goto("/events?range=7d");
  await page.getByTestId("time-range-button").click();
  await page.getByRole("group", { name: "Calendar ranges" }).getByRole("button", { name: "Yesterday" }).click();
  await expect(page).toHaveURL(/range=yesterday/);
  await expect(page.getByTestId("time-range-button")).toHaveText("Yesterday");
  const yesterday = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(Date.now() - 86_400_000 - 0));
  const dates = await page.locator("tbody tr[data-gid] time").allInnerTexts();
  // Every row of "yesterday" is dated yesterday in New York (the table shows clock, offset, then the date).
  for (const text of dates) expect(text).toContain(yesterday.slice(0, 10));

  await page.goto("/events?range=this_month&tz=Mars/Olympus");
  await expect(page.getByText(/"Mars\/Olympus" is not allowed for "tz"/)).toBeVisible();
});

test("a saved link says whether it is rolling or frozen, and what it covers now", async ({ page }) => {
  for (const mode of ["Rolling", "Frozen"] as const) {
    await page.goto("/events?range=7d&category=deletion");
    await page.getByRole("button", { name: "Save query" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(`${mode} week ${Date.now()}`);
    await dialog.getByRole("radio", { name: new RegExp(`^${mode}`) }).check();
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    const link = await dialog.getByLabel("Short link").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();

    await page.goto(new URL(link).pathname);
    const window = page.getByTestId("saved-window");
    await expect(window).toHaveAttribute("data-mode", mode === "Rolling" ? "relative" : "absolute");
    await expect(window).toContainText(mode === "Rolling" ? "Last 7 days, moves with time: opened now," : "always the same events");
    await expect(window).toContainText(ZONE);
    await page.getByRole("link", { name: "Open in Events" }).click();
    await expect(page).toHaveURL(mode === "Rolling" ? /range=7d/ : /from=.*to=/);
  }
});
