import type { Page } from "@playwright/test";
import { TIME_PRESETS } from "../lib/events/time-range";
import { hostileEvents, insertHostileEvents, removeHostileEvents } from "../lib/testing/hostile-events";
import { shoot, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * Every page and API answer over values Asana controls, stored in the e2e server's database
 * as the sync would have stored them (lib/testing/hostile-events.ts): events dated 2099,
 * 9999 and the year 1; "__proto__", "constructor", "toString" as types, names, gids and
 * detail keys; a right-to-left override in a file name; zero-width and 500 combining
 * characters; 200,000-character names; a megabyte of details and JSON 20,000 levels deep;
 * markup. Each page renders (no error boundary, no function text), shows what is stored
 * (hidden characters by name), runs no script from the data, and stays within a few
 * viewport widths. They are taken out again afterwards, so the other specs count what they expect.
 */
const BAD_TEXT = /native code|\[object Object\]|Objects are not valid|could not be drawn|Something went wrong|This page could not/;
const MAX_BUCKETS = 500;
/** The actor of the event dated 2099: their activity chart spans from now to then. */
const FUTURE_ACTOR = "999100000000001";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase((client) => insertHostileEvents(client, hostileEvents()));
});
test.afterAll(async () => {
  await withE2eDatabase((client) => removeHostileEvents(client));
});

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

/** Renders without an error, runs nothing from the data, and is at most three viewports wide. */
async function expectSound(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  const state = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    text: document.body.innerText,
    ran: (window as unknown as { __hostile?: number }).__hostile ?? null,
  }));
  expect(state.text, `${what}: an error or a function's text`).not.toMatch(BAD_TEXT);
  expect(state.ran, `${what}: a script from the data ran`).toBeNull();
  expect(state.width, `${what}: ${state.width} px wide`).toBeLessThanOrEqual(3 * state.viewport);
}

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  await expectSound(page, path);
}

test("the overview draws every range preset with events dated 2099, 9999 and the year 1", async ({ page }) => {
  for (const range of TIME_PRESETS) {
    const started = Date.now();
    const answer = await page.request.get(`/api/stats/over-time?range=${range}`);
    expect(answer.status()).toBe(200);
    const data = (await answer.json()) as { points: unknown[]; total: number };
    expect(data.points.length, range).toBeLessThanOrEqual(MAX_BUCKETS + 1);
    expect(Date.now() - started, `${range} took`).toBeLessThan(10_000);

    await open(page, `/?range=${range}`);
    await expect(page.getByTestId("panel-over-time")).not.toHaveAttribute("aria-busy", "true");
  }
});

test("the overview counts prototype names as categories and actor types, in numbers", async ({ page }, testInfo) => {
  await open(page, "/?range=1h");
  const legend = page.getByTestId("chart-legend");
  await expect(legend).toContainText("Constructor");
  await expect(legend.locator("li").filter({ hasText: "HasOwnProperty" })).toHaveText(/HasOwnProperty\s*1$/);
  await expect(page.getByTestId("panel-actor-types")).toContainText("__proto__");
  await shoot(page, testInfo, "overview with hostile values", true);

  await open(page, "/?range=1h&stack=actor_type");
  await expect(page.getByTestId("chart-legend").locator("li").filter({ hasText: "__proto__" })).toHaveText(/__proto__\s*1$/);
});

test("the explorer shows hostile rows, facets and details by name, in a page of bounded width", async ({ page }, testInfo) => {
  await open(page, "/events?range=1h");
  const bidiRow = page.locator('tbody tr[data-gid="999000000000006"]');
  await expect(bidiRow).toContainText("Admin ⟨RLO⟩exe.txt");
  await expect(bidiRow.locator('[data-hidden-char="RLO"]').first()).toBeVisible();
  await expect(page.locator('tbody tr[data-gid="999000000000008"]')).toContainText("AAAA");
  await expect(page.locator('tbody tr[data-gid="__proto__"]')).toContainText("constructor");
  await expect(page.getByRole("region", { name: "Actor type" })).toContainText("__proto__");
  await shoot(page, testInfo, "explorer with hostile values", false);

  // The drawer loads the one event in full: a detail key "__proto__" is a key like any other.
  await open(page, "/events?range=1h&event=__proto__");
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("region", { name: "Details" })).toContainText("__proto__");
  await expect(drawer).toContainText("polluted");
  await expectSound(page, "the drawer");
});

test("each hostile event's own page renders in full, hidden characters named", async ({ page }, testInfo) => {
  for (const event of hostileEvents()) {
    await open(page, `/events/${event.gid}`);
    await expect(page.getByTestId("event-sentence")).toBeVisible();
  }

  await open(page, "/events/999000000000006");
  await expect(page.getByTestId("event-sentence")).toHaveText(/Admin ⟨RLO⟩exe\.txt downloaded the attachment “invoice⟨RLI⟩fdp\.exe⟨PDI⟩ ⟨RLM⟩”/);
  await expect(page.getByRole("region", { name: "Actor" }).locator('[data-hidden-char="RLO"]')).toBeVisible();
  await shoot(page, testInfo, "event with a bidi override", false);

  // Rendered on the server and handed to the browser: the key "__proto__" survives the trip.
  await open(page, "/events/__proto__");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("__proto__");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("polluted");

  await open(page, "/events/999000000000007");
  await expect(page.getByRole("region", { name: "Actor" })).toContainText("pay⟨ZWSP⟩pal⟨ZWJ⟩⟨ZWNBSP⟩");
  await expect(page.getByRole("region", { name: "Resource" })).toContainText("marks⟩");

  // 200,000 characters: cut, wrapped, and every one a click away.
  await open(page, "/events/999000000000008");
  const show = page.getByRole("region", { name: "Actor" }).getByRole("button", { name: "Show all 200,000 characters" });
  await show.click();
  await expect(page.getByRole("region", { name: "Actor" }).getByRole("button", { name: "Show less" })).toBeVisible();
  await expectSound(page, "the whole 200,000-character name");

  await open(page, "/events/999000000000009");
  await expect(page.getByTestId("details-digest")).toBeVisible();
  await expect(page.getByRole("region", { name: "Actor" })).toContainText("<script>window.__hostile = 1</script>");
});

test("actors and resources with hostile names have pages of bounded width", async ({ page }, testInfo) => {
  await open(page, "/actors");
  await expect(page.getByTestId("actor-row").first()).toContainText("Far Future");
  await open(page, "/actors?sort=name");
  for (const gid of ["999100000000006", "999100000000007", "999100000000008", "999100000000009"]) await open(page, `/actors/${gid}?range=all`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
  await open(page, "/actors/999100000000006?range=all");
  await expect(page.getByTestId("actor-identity").locator('[data-hidden-char="RLO"]')).toBeVisible();
  await open(page, "/actors/999100000000008?range=all");
  await shoot(page, testInfo, "actor with a 200,000-character name", false);
  await open(page, `/actors/${FUTURE_ACTOR}?range=all`);

  for (const gid of ["999200000000006", "999200000000007", "999200000000008"]) await open(page, `/resources/${gid}?range=all`);
  await expect(page.getByTestId("resource-summary")).toContainText("BBBB");
});

test("the sync, saved queries and audit trail pages render beside hostile data", async ({ page }) => {
  for (const path of ["/sync", "/saved", "/audit"]) await open(page, path);
});

test("every API route answers without a server error, in a bounded size", async ({ page }) => {
  const since = encodeURIComponent("2026-01-01T00:00:00.000Z~1");
  const paths = [
    "/api/events?range=all&size=500",
    "/api/events?range=1h&size=500&cols=time,event,actor,resource,context,details,gid,userAgent,workspace",
    "/api/events/count?range=all&exact=1",
    "/api/events/facets?range=1h",
    `/api/events/newer?range=all&since=${since}`,
    "/api/events/export?range=1h&format=ndjson",
    "/api/events/export?range=1h&format=csv",
    "/api/events/__proto__",
    "/api/events/constructor",
    "/api/events/999000000000008",
    "/api/events/999000000000009/raw",
    "/api/actors",
    "/api/actors?sort=name",
    "/api/actors/999100000000008",
    "/api/actors/999100000000008/profile",
    "/api/actors/999100000000008/activity?range=all",
    "/api/actors/999100000000008/events?range=all",
    "/api/resources/999200000000008",
    "/api/resources/999200000000008/events?range=all",
    ...["over-time", "event-types", "categories", "actor-types", "top-actors", "top-ips", "top-apps", "presets"].flatMap((panel) => [
      `/api/stats/${panel}?range=all`,
      `/api/stats/${panel}?range=1h&stack=actor_type`,
    ]),
    "/api/status",
    "/api/sync",
    "/api/sync/quarantine",
    "/api/audit",
    "/api/saved-queries",
    "/api/health",
  ];
  for (const path of paths) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(200);
    const body = await answer.body();
    // The largest: one event's page with its megabyte of details, and the exports.
    expect(body.length, path).toBeLessThan(8_000_000);
    if ((answer.headers()["content-type"] ?? "").includes("application/json")) expect(body.toString("utf8"), path).not.toMatch(/native code|\[object Object\]/);
  }
});
