import type { Page } from "@playwright/test";
import { hostileEvents, insertHostileEvents, removeHostileEvents, type HostileEvent } from "../lib/testing/hostile-events";
import { insertHostileLocations, removeHostileLocations, removeLocations, writeLocations, type LocationRow } from "../lib/testing/hostile-locations";
import { shoot, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * Where events come from, in the explorer (issue #19, item 2): a country facet filters the
 * table (chip and URL say so), each row shows its address's flag and place and marks a hosting
 * provider's network, the Country and Network columns, the drawer's network and "unknown
 * location", a bad ?country= link, and hostile locations that render and never break a page.
 *
 * The events are this spec's own, on a day long before the demo domain's (so the counts are
 * exactly theirs), from shared-space addresses whose ip_location rows the spec writes.
 */
const DAY = "from=2020-01-15&to=2020-01-16";
const at = (hour: number) => `2020-01-15T${String(hour).padStart(2, "0")}:00:00.000Z`;
const event = (n: number, hour: number, eventType: string, category: string, ip: string | null): HostileEvent => ({
  gid: `99800000000000${n}`,
  createdAt: at(hour),
  eventType,
  category,
  actorType: "user",
  actorGid: "998100000000001",
  actorName: "Geo Person",
  actorEmail: "geo.person@example.com",
  contextType: ip ? "web" : null,
  ip,
});
const EVENTS = [
  event(1, 9, "user_login_succeeded", "logins", "100.64.20.1"),
  event(2, 10, "user_login_succeeded", "logins", "100.64.20.1"),
  event(3, 11, "task_deleted", "deletion", "100.64.20.2"),
  event(4, 12, "task_created", "creation", "100.64.20.3"),
  event(5, 13, "project_created", "creation", null),
];
const PLACES: LocationRow[] = [
  { ip: "100.64.20.1", country: "NZ", region: "Wellington Region", city: "Wellington", latitude: -41.2866, longitude: 174.7756, asn: 9790, org: "One New Zealand", hosting: false },
  { ip: "100.64.20.2", country: "US", region: "Virginia", city: "Ashburn", latitude: 39.0438, longitude: -77.4874, asn: 16509, org: "Amazon.com, Inc.", hosting: true },
  // An address the databases do not place: a row of nulls.
  { ip: "100.64.20.3", country: null, region: null, city: null, latitude: null, longitude: null, asn: null, org: null, hosting: false },
];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await insertHostileEvents(client, [...hostileEvents(), ...EVENTS]);
    await insertHostileLocations(client);
    // Whatever an enrichment says of these shared-space addresses, this spec decides.
    await writeLocations(client, PLACES);
  });
});
test.afterAll(async () => {
  await withE2eDatabase(async (client) => {
    await removeHostileEvents(client);
    await removeHostileLocations(client);
    await removeLocations(client, PLACES);
  });
});

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await waitForSyncedEvents(page);
});

const LOADED = { timeout: 60_000 };
const row = (page: Page, n: number) => page.locator(`tbody tr[data-gid="99800000000000${n}"]`);

test("a click on a country's count filters the table: chip, URL, and each row's flag and place", async ({ page, consoleErrors }, testInfo) => {
  await page.goto(`/events?${DAY}`);
  const countries = page.getByRole("region", { name: "Countries" });
  const newZealand = countries.getByRole("button", { name: "Only New Zealand (2)" });
  await expect(newZealand).toBeVisible(LOADED);
  await expect(countries.getByRole("button", { name: "Only United States (1)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Top networks" }).getByRole("button", { name: "Only AS9790 One New Zealand (2)" })).toBeVisible();
  await expect(page.getByText("IP Geolocation by DB-IP")).toBeVisible();
  await shoot(page, testInfo, "explorer with countries and networks", true);

  await newZealand.click();
  await expect(page).toHaveURL(/[?&]country=NZ(&|$)/);
  await expect(page.getByTestId("filter-chip")).toHaveText(/Country\s*is\s*New Zealand/);
  await expect(page.locator("tbody tr[data-gid]")).toHaveCount(2);
  for (const n of [1, 2]) {
    const place = row(page, n).getByTestId("address-place");
    await expect(place).toHaveText("Wellington, New Zealand");
    await expect(place.getByRole("img", { name: "New Zealand" })).toBeVisible();
    await expect(place.getByRole("button")).toHaveAttribute("title", /Network: AS9790 One New Zealand/);
  }
  await expect(page.getByRole("region", { name: "Countries" }).getByRole("button", { name: /^Stop filtering on New Zealand/ })).toHaveAttribute("aria-pressed", "true");
  await shoot(page, testInfo, "explorer filtered to New Zealand", false);

  // The chip's "is not": everything else that day, including the unplaced address and the event without one.
  await page.getByTestId("filter-chip").click();
  await expect(page).toHaveURL(/[?&]not_country=NZ(&|$)/);
  await expect(page.locator("tbody tr[data-gid]")).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test("rows mark a hosting provider's network and an unplaced address; Country and Network columns", async ({ page, consoleErrors }, testInfo) => {
  await page.goto(`/events?${DAY}&cols=time,event,actor,context,country,network,details`);
  const cloud = row(page, 3);
  await expect(cloud.getByTestId("address-place")).toContainText("Ashburn, United States");
  await expect(cloud.getByRole("button", { name: /^Hosting\s*·\s*Amazon\.com, Inc\.$/ }).first()).toBeVisible();
  await expect(cloud.getByRole("button", { name: "United States", exact: true })).toBeVisible();
  await expect(cloud.getByRole("button", { name: "AS16509", exact: true })).toBeVisible();
  await expect(row(page, 4)).toContainText("unknown location");
  await expect(row(page, 4)).toContainText("unknown network");
  await expect(row(page, 5)).toContainText("no IP");
  await shoot(page, testInfo, "country and network columns", false);

  // The badge is a filter too: hosting providers' networks only.
  await cloud.getByRole("button", { name: /^Hosting\s*·/ }).first().click();
  await expect(page).toHaveURL(/[?&]hosting=true(&|$)/);
  await expect(page.locator("tbody tr[data-gid]")).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test("the drawer names the address's network, place and coordinates, or says its location is unknown", async ({ page, consoleErrors }, testInfo) => {
  await page.goto(`/events?${DAY}&event=998000000000003`);
  const location = page.getByRole("dialog").getByRole("region", { name: "Address location" });
  await expect(location).toContainText("Ashburn, Virginia, United States", LOADED);
  await expect(location).toContainText("AS16509 Amazon.com, Inc.");
  await expect(location).toContainText("Yes: a hosting or cloud provider's network");
  await expect(location).toContainText("39.0438, -77.4874");
  await expect(location.getByRole("img", { name: "United States" })).toBeVisible();
  await expect(location).toContainText("IP Geolocation by DB-IP");
  await location.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "drawer with the address's network", false);

  await page.goto(`/events?${DAY}&event=998000000000004`);
  const unknown = page.getByRole("dialog").getByRole("region", { name: "Address location" });
  await expect(unknown.getByTestId("unknown-location")).toContainText("Unknown location", LOADED);
  await expect(unknown).toContainText("Unknown network");
  await expect(unknown).not.toContainText("Coordinates");
  expect(consoleErrors).toEqual([]);
});

test("a bad ?country= link gets the page's invalid-link notice, and the API a 400 naming it", async ({ page }) => {
  await page.goto("/events?country=ZZ&range=7d");
  const notice = page.getByTestId("invalid-params");
  await expect(notice).toContainText('"ZZ" is not a country code');
  await notice.getByRole("link", { name: "Open without it" }).click();
  await expect(page).toHaveURL(/\/events\?range=7d$/);
  await expect(page.getByTestId("invalid-params")).toHaveCount(0);

  const answer = await page.request.get("/api/events?country=ZZ");
  expect(answer.status()).toBe(400);
  expect(JSON.stringify(await answer.json())).toContain('\\"ZZ\\" is not a country code');

  await page.goto(`/events?${DAY}`);
  const bar = page.getByRole("combobox", { name: "Query" });
  await bar.fill("country:QQ");
  await bar.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "QQ" })).toContainText('"QQ" is not a country code');
});

test("hostile locations render as stored values in rows, facets and the drawer, in a page of bounded width", async ({ page, consoleErrors }, testInfo) => {
  await page.goto("/events?range=1h&cols=time,event,actor,context,country,network,details");
  const future = page.locator('tbody tr[data-gid="999000000000001"]');
  await expect(future.getByTestId("address-place")).toContainText("Germany", LOADED);
  await expect(future.locator('[data-hidden-char="RLO"]').first()).toBeVisible();
  await expect(future.locator('[data-hidden-char="ZWSP"]').first()).toBeVisible();
  // A "country" named __proto__ is no country: the row names the city and says the country is unknown.
  const proto = page.locator('tbody tr[data-gid="__proto__"]');
  await expect(proto.getByTestId("address-place")).toHaveText("toString");
  await expect(proto).toContainText("unknown country");
  await expect(proto).toContainText("AS2147483647");
  await expect(page.getByRole("region", { name: "Countries" })).toContainText("__proto__");
  await expect(page.getByRole("region", { name: "Top networks" })).toContainText("AS64512 ⟨RLO⟩AAAA");
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth, text: document.body.innerText }));
  expect(width.page).toBeLessThanOrEqual(3 * width.viewport);
  expect(width.text).not.toMatch(/native code|\[object Object\]|Something went wrong/);
  await shoot(page, testInfo, "explorer with hostile locations", false);

  await page.goto("/events?range=1h&event=999000000000001");
  const location = page.getByRole("dialog").getByRole("region", { name: "Address location" });
  await expect(location.getByRole("button", { name: "Show all 200,001 characters" })).toBeVisible(LOADED);
  await page.goto("/events/__proto__");
  await expect(page.getByRole("region", { name: "Address location" })).toContainText("toString, constructor");
  await expect(page.getByRole("region", { name: "Address location" })).not.toContainText("Coordinates");
  expect(consoleErrors).toEqual([]);
});
