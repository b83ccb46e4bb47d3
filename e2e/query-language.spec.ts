import type { Page } from "@playwright/test";
import { waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * Case 2 of #16: the query bar's words are a language. NOT and OR are operators, never a
 * text search; a word it does not understand is pointed at; completions work from the
 * keyboard; the help sheet's examples apply themselves.
 */
test.beforeEach(async ({ page }) => {
  // Each test types and reloads several times; on a shared 2-core machine that outlasts 60 s.
  test.slow();
  await waitForSyncedEvents(page);
});

const chips = (page: Page) => page.getByRole("list", { name: "Active filters" });
const categories = (page: Page) => page.locator("tbody tr[data-gid] td:nth-child(2)").allInnerTexts();

test("NOT and OR are operators: the right chips and rows, no text filter", async ({ page, consoleErrors }) => {
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  const bar = page.getByRole("combobox", { name: "Query" });
  await expect(page.locator("tbody tr[data-gid]").first()).toBeVisible();

  await bar.fill("NOT category:logins since:90d");
  await bar.press("Enter");
  await expect(page).toHaveURL(/not_category=logins/);
  await expect(page).not.toHaveURL(/[?&]text=/);
  await expect(chips(page)).toContainText("Category is not Logins");
  await expect(chips(page)).not.toContainText("Text");
  await expect(async () => {
    const shown = await categories(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((text) => text.includes("Logins"))).toBe(false);
  }).toPass();

  await bar.fill("category:logins OR actor_type:external_administrator since:90d");
  await bar.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page).not.toHaveURL(/[?&]text=/);
  await expect(chips(page)).toContainText("category:logins OR actor_type:external_administrator");
  await expect(chips(page)).not.toContainText("Text");
  await expect(async () => {
    const shown = await categories(page);
    // Sign-ins fill the newest page; the OR's other side is a handful of events further down.
    expect(shown.length).toBeGreaterThan(0);
  }).toPass();
  await page.screenshot({ path: test.info().outputPath("or-across-fields.png") });
  // A reload reads the same query back from the URL.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Query" })).toHaveValue("(category:logins OR actor_type:external_administrator) since:90d");
  expect(consoleErrors).toEqual([]);
});

test("a word the bar does not understand is pointed at, and changes nothing", async ({ page }) => {
  await page.goto("/events?range=90d&category=deletion");
  await waitForHydration(page);
  const bar = page.getByRole("combobox", { name: "Query" });
  await bar.fill("category:deletion OR @actor.emial:a@x.com");
  await bar.press("Enter");
  const alert = (text: string) => page.getByRole("alert").filter({ hasText: text });
  await expect(alert("did you mean actor.email")).toContainText("@actor.emial:a@x.com");
  await bar.fill("(type:user_login_failed OR");
  await bar.press("Enter");
  await expect(alert("OR needs a condition after it")).toBeVisible();
  await expect(page).toHaveURL(/category=deletion/);
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test("completes fields and values from the keyboard", async ({ page }) => {
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  const bar = page.getByRole("combobox", { name: "Query" });
  await bar.fill("");
  await bar.pressSequentially("categ");
  await expect(bar).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("option", { name: /category:/ })).toBeVisible();
  await bar.press("Tab");
  await expect(bar).toHaveValue("category:");
  await bar.pressSequentially("admin");
  await bar.press("ArrowDown");
  await expect(page.getByRole("option", { name: /admin_settings/ })).toHaveAttribute("aria-selected", "true");
  await bar.press("Enter");
  await expect(bar).toHaveValue("category:admin_settings");
  await bar.pressSequentially(" type:login_fa");
  await expect(page.getByRole("option", { name: /user_login_failed/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("completions.png") });
  await bar.press("Escape");
  await expect(bar).toHaveAttribute("aria-expanded", "false");
  await bar.pressSequentially("i");
  await bar.press("ArrowUp");
  await bar.press("Tab");
  await expect(bar).toHaveValue(/^category:admin_settings type:user_\w+$/);
  await bar.press("Enter");
  await expect(page).toHaveURL(/category=admin_settings/);
});

test("the help sheet explains the syntax and applies an example", async ({ page }) => {
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Query syntax help" }).click();
  const sheet = page.getByRole("dialog", { name: "Query syntax" });
  await expect(sheet).toContainText("NOT binds tightest");
  await page.screenshot({ path: test.info().outputPath("help-sheet.png") });
  await sheet.getByRole("button", { name: /^NOT category:logins/ }).click();
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(/not_category=logins/);
  await expect(page.getByRole("combobox", { name: "Query" })).toHaveValue("-category:logins since:90d");
});
