import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { OIDC, OIDC_ISSUER } from "./constants";
import { waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * The event explorer end to end, over the demo domain the e2e server syncs (3,000 events
 * over 90 days, no live arrivals): filtering by clicks and by the query bar, the URL as the
 * state, saved queries opened by another admin, exports that match the table, the keyboard.
 */
const gidsOnPage = (page: Page) => page.locator("tbody tr[data-gid]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.gid!));

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

test("filters by clicking, then by the query bar; a reload shows the same rows", async ({ page, consoleErrors }) => {
  await page.goto("/events?range=90d");
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();

  // A facet: only deletions.
  await page.getByRole("button", { name: "Only Deletion" }).click();
  await expect(page).toHaveURL(/category=deletion/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Category is Deletion");
  await expect(async () => {
    const categories = await page.locator("tbody tr[data-gid] td:nth-child(2)").allInnerTexts();
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.every((text) => text.includes("Deletion"))).toBe(true);
  }).toPass();

  // A value in a cell: its event type becomes a filter too.
  const firstType = page.locator("tbody tr[data-gid]").first().locator("td:nth-child(2) button").first();
  const typeLabel = (await firstType.innerText()).trim();
  await firstType.click();
  await expect(page).toHaveURL(/[?&]type=[a-z_]+/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Event type is ${typeLabel}`);

  // The query bar reads the same filter back as text, and writes a new one.
  const bar = page.getByRole("combobox", { name: "Query" });
  await expect(bar).toHaveValue(/category:deletion/);
  await bar.fill("category:deletion -actor_type:asana since:90d");
  await bar.press("Enter");
  await expect(page).toHaveURL(/not_actor_type=asana/);
  await expect(page).not.toHaveURL(/[?&]type=/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Actor type is not Asana");

  // A mistake in the text is pointed at, and changes nothing.
  await bar.fill("category:deletion colour:red");
  await bar.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: '"colour" is not a field' })).toBeVisible();
  await expect(page).toHaveURL(/not_actor_type=asana/);

  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  const before = await gidsOnPage(page);
  expect(before.length).toBeGreaterThan(0);
  await page.reload();
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  expect(await gidsOnPage(page)).toEqual(before);

  // Back undoes the last filter change, as the URL is the state.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]type=[a-z_]+/);
  expect(consoleErrors).toEqual([]);
});

async function signInAsAnotherAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: `Continue with ${OIDC.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/`));
  await page.locator('input[name="login"]').fill(OIDC.allowedEmail);
  await page.locator('input[name="password"]').fill("any password: the IdP checks it, not the dashboard");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

test("a saved query's short link opens the same rows for another admin", async ({ page, browser }) => {
  // Two sessions, one through the OpenID provider: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  await page.goto("/events?range=90d&not_category=logins&tz=utc&cols=time,event,actor,gid");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  const rows = await gidsOnPage(page);

  await page.getByRole("button", { name: "Save query" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Everything but logins (e2e)");
  await dialog.getByLabel("Note").fill("Saved by the e2e suite");
  await dialog.getByRole("radio", { name: /^Frozen/ }).check();
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  const link = await dialog.getByRole("textbox", { name: "Short link" }).inputValue();
  expect(link).toMatch(/\/q\/[0-9A-Za-z]{10}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const other = await signInAsAnotherAdmin(browser);
  await other.goto(link);
  await expect(other.getByTestId("saved-window")).toHaveAttribute("data-mode", "absolute");
  await other.getByRole("link", { name: "Open in Events" }).click();
  await expect(other).toHaveURL(/\/events\?.*not_category=logins/);
  await expect(other).toHaveURL(/from=.*to=/);
  await expect(other.locator("tbody tr[data-gid]").first()).toBeVisible();
  expect(await gidsOnPage(other)).toEqual(rows);
  await expect(other.getByRole("columnheader")).toHaveText([/^Time/, "Event", "Actor", "Event gid"]);

  // The list shows who saved it and that it was opened.
  await other.goto("/saved");
  const row = other.getByRole("row", { name: /Everything but logins \(e2e\)/ });
  await expect(row).toContainText("demo@example.com");
  await expect(row).not.toContainText("never");
  // Case 7 of #13: another admin sees whose query it is before changing it.
  await expect(other.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await row.getByRole("button", { name: /Actions for/ }).click();
  await other.getByRole("menuitem", { name: "Rename or edit…" }).click();
  await expect(other.getByTestId("saved-query-owner")).toContainText("Owner: demo@example.com");
  await other.keyboard.press("Escape");
  await other.context().close();
});

test("an export holds the whole filtered result, in the table's order and columns", async ({ page }) => {
  await page.goto("/events?range=90d&category=deletion&cols=time,event,actor,resource");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  const shown = await gidsOnPage(page);
  const count = Number((await page.getByTestId("event-count").innerText()).replace(/[^0-9]/g, ""));
  expect(count).toBeGreaterThan(shown.length);

  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^asana-audit-events-.*\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("gid,created_at,time_zone,event_type,event_category,actor_type,actor_gid,actor_name,actor_email,resource_type,resource_subtype,resource_gid,resource_name,resource_email");
  const gids = lines.slice(1).map((line) => JSON.parse(line.slice(0, line.indexOf(","))) as string);
  expect(gids).toHaveLength(count);
  expect(gids.slice(0, shown.length)).toEqual(shown);
  expect(lines.slice(1).every((line) => line.includes('"deletion"'))).toBe(true);

  // Recorded in the dashboard's own audit trail.
  const trail = (await (await page.request.get("/api/audit?action=export.csv")).json()) as { entries: Array<{ actorEmail: string; target: string }> };
  expect(trail.entries[0]).toMatchObject({ actorEmail: "demo@example.com", target: expect.stringContaining("category:deletion") });
});

/** Rows are server-rendered; keys work once the page is hydrated, which the zone toggle shows. */
test("the keyboard moves through rows, opens and closes an event, and focuses the query", async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto("/events?range=90d");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();
  await waitForHydration(page);
  const gids = await gidsOnPage(page);

  await page.keyboard.press("j");
  await expect(page.locator("tbody tr[data-gid]").first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.locator(`tr[data-gid="${gids[1]}"]`)).toBeFocused();
  await page.keyboard.press("Enter");

  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`event=${gids[1]}`));
  await expect(drawer.getByRole("heading", { name: `Event ${gids[1]}` })).toBeVisible();
  await expect(drawer.getByLabel("Original JSON text")).toContainText(`"gid": "${gids[1]}"`);

  // j in the drawer steps to the next event.
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`event=${gids[2]}`));
  await expect(drawer.getByLabel("Original JSON text")).toContainText(`"gid": "${gids[2]}"`);

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/event=/);
  await expect(page.locator(`tr[data-gid="${gids[2]}"]`)).toBeFocused();

  await page.keyboard.press("/");
  await expect(page.getByRole("combobox", { name: "Query" })).toBeFocused();

  // The event's own page.
  await page.goto(`/events/${gids[0]}`);
  await expect(page.getByRole("heading", { name: `Event ${gids[0]}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy JSON" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("a malformed link says what is wrong, in the page and from the API", async ({ page }) => {
  await page.goto("/events?size=77&ip=300.1.1.1&from=2026-11-21&to=2026-11-20");
  const panel = page.getByTestId("invalid-params");
  await expect(panel).toContainText("use one of 50, 100, 500");
  await expect(panel).toContainText('"300.1.1.1" is not an IP address');
  await expect(panel).toContainText("swap");
  await panel.getByRole("link", { name: /Open without them/ }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();

  const response = await page.request.get("/api/events?size=77&ip=300.1.1.1");
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { message: string; details: { errors: Array<{ param: string }> } } };
  expect(body.error.details.errors.map((e) => e.param).sort()).toEqual(["ip", "size"]);
});
