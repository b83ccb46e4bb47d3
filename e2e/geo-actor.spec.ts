import type { Page } from "@playwright/test";
import { ADDRESSES, eventAt, geoHistory, insertGeoHistory, removeGeoHistory, TRAVELLER } from "@/lib/testing/geo-history";
import { shoot, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * Issue #19, item 4, in the browser: someone's countries and networks (flags, counts, first and
 * last seen, hosting marked, each opening the explorer), their sign-ins with places, distances
 * and speeds (an impossible trip flagged, a flight not, an unknown place said so), a new
 * country marked in their timeline where a new address was, and the databases' credit. Their
 * history (lib/testing/geo-history.ts) is stored as the sync stores events, with locations as
 * the enrichment stores them, and taken out again afterwards.
 */
const events = geoHistory();
const PAGE = `/actors/${TRAVELLER.gid}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await removeGeoHistory(client);
    await insertGeoHistory(client, events);
  });
});
test.afterAll(async () => {
  await withE2eDatabase((client) => removeGeoHistory(client));
});

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

/** Opens their page; the sign-ins show once it has hydrated, which on a busy 2-core machine can take half a minute. */
async function open(page: Page, range: string) {
  await page.goto(`${PAGE}?range=${range}`);
  await expect(page.getByTestId("actor-sign-ins")).toBeVisible({ timeout: 60_000 });
}

test("an actor's countries and networks, each opening their events in the explorer", async ({ page, consoleErrors }, testInfo) => {
  test.slow();
  await open(page, "all");
  const countries = page.getByTestId("actor-countries");
  const rows = countries.getByTestId("place-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("Germany");
  const germany = events.filter((e) => ["berlin", "berlinLease", "frankfurt"].includes(e.address)).length;
  await expect(rows.nth(0)).toContainText(`${germany} events · 3 addresses`);
  await expect(rows.nth(0).getByRole("img", { name: "Germany" })).toBeVisible();
  await expect(rows.nth(1)).toContainText("United States");
  await expect(rows.nth(1).getByText("Hosting")).toBeVisible();
  await expect(rows.nth(3)).toContainText("Unknown location");
  await expect(rows.nth(3).getByRole("link")).toHaveCount(0);
  await expect(rows.nth(0).getByRole("link")).toHaveAttribute("href", new RegExp(`^/events\\?range=all&actor=${TRAVELLER.gid}&country=DE$`));

  const networks = page.getByTestId("actor-networks");
  await expect(networks).toContainText("6 networks");
  const amazon = networks.getByTestId("place-row").filter({ hasText: "AS16509" });
  await expect(amazon).toContainText("Amazon.com, Inc.");
  await expect(amazon.getByText("Hosting")).toBeVisible();
  await expect(amazon.getByRole("link")).toHaveAttribute("href", new RegExp(`actor=${TRAVELLER.gid}&asn=16509$`));
  // A stored name with a right-to-left override reads as stored, its control shown by name.
  await networks.getByRole("button", { name: "Show all 7" }).click();
  await expect(networks.getByTestId("place-row").filter({ hasText: "AS65000" }).locator("[data-hidden-char='RLO']")).toBeVisible();
  await expect(page.getByText("IP Geolocation by DB-IP")).toBeVisible();
  await shoot(page, testInfo, "actor places and sign-ins", true);

  // Over the page's time range: the last week holds a sign-in from Berlin and two from places no database knows.
  await open(page, "7d");
  await expect(countries.getByTestId("place-row")).toHaveCount(2);
  await expect(countries.getByTestId("place-row").first()).toContainText("Germany");
  await expect(countries.getByTestId("place-row").first()).toContainText("1 event · 1 address");
  expect(consoleErrors).toEqual([]);
});

test("sign-ins with places, distance, time between and speed: an impossible trip flagged, a flight not", async ({ page, consoleErrors }, testInfo) => {
  await open(page, "all");
  const table = page.getByTestId("actor-sign-ins");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(events.filter((e) => e.type === "user_login_succeeded").length);
  const row = (gid: string) => table.locator(`tr[data-sign-in='${gid}']`);

  const tokyo = row(eventAt(events, "tokyo"));
  await expect(tokyo).toContainText("Tokyo");
  await expect(tokyo).toContainText("Berlin");
  await expect(tokyo).toContainText("1 h 0 min");
  await expect(tokyo.getByTestId("impossible-travel")).toBeVisible();
  const flight = row(eventAt(events, "newYork"));
  await expect(flight).toContainText("9 h 0 min");
  await expect(flight).toContainText("Frankfurt am Main");
  await expect(flight.getByTestId("impossible-travel")).toHaveCount(0);
  await expect(table.getByTestId("impossible-travel")).toHaveCount(1);
  const unknown = row(eventAt(events, "unknown", "user_login_succeeded", 1));
  await expect(unknown).toContainText("Unknown location");
  await expect(unknown).toContainText(ADDRESSES.unknown);
  await expect(row(eventAt(events, "berlinLease"))).toContainText("0 km");
  await tokyo.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "sign-ins table", false);

  // From the keyboard: one Tab stop for the rows, j/k and arrows move, Enter opens the sign-in.
  // The rows are drawn by the browser's query: the page has hydrated once they show.
  await rows.first().focus();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(rows.last()).toBeFocused();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toBeFocused();
  const gid = await rows.nth(1).getAttribute("data-sign-in");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/events\\?.*type=user_login_succeeded.*event=${gid}`));
  expect(consoleErrors).toEqual([]);
});

test("a new country is marked in the timeline where a new address was; another address of their ISP is not", async ({ page }) => {
  await open(page, "all");
  const timeline = page.getByTestId("event-timeline");
  const at = (gid: string) => timeline.getByTestId("timeline-event").filter({ has: page.locator(`a[href*='event=${gid}']`) });
  await expect(at(eventAt(events, "newYork")).getByTestId("timeline-marker")).toHaveText(["First sign-in from United States", "First sign-in from network Amazon.com, Inc. (AS16509), a hosting provider"]);
  await expect(at(eventAt(events, "frankfurt")).getByTestId("timeline-marker")).toHaveText(["First sign-in from network Vodafone GmbH (AS3209)"]);
  await expect(at(eventAt(events, "berlinLease"))).toBeVisible();
  await expect(at(eventAt(events, "berlinLease")).getByTestId("timeline-marker")).toHaveCount(0);
  await expect(at(eventAt(events, "unknown")).getByTestId("timeline-marker")).toHaveText([`First sign-in from ${ADDRESSES.unknown}`]);
});

test("places and sign-ins refuse filters they do not take, with the reason", async ({ page }) => {
  const answer = await page.request.get(`/api/actors/${TRAVELLER.gid}/sign-ins?range=all&type=task_created&before=2026-11-20T10:00:00.000Z~1`);
  expect(answer.status()).toBe(400);
  expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/time range only.*newest first/);
  expect((await page.request.get(`/api/actors/${TRAVELLER.gid}/places?range=bogus`)).status()).toBe(400);
});
