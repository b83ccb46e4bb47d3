import type { Page } from "@playwright/test";
import { insertTestAlerts, insertTestRule, removeTestRules } from "../lib/alerts/test-alerts";
import { DEMO_ADMIN } from "./constants";
import { shoot, waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * The alerts inbox over alerts written into the e2e server's database as the detection engine
 * would have (rules of this spec's own, so that the engine's alerts on the demo domain are
 * told apart by rule): filter, open one, acknowledge it and see the badge drop, open its
 * events in the explorer, bulk-resolve by keyboard, a notification's link, a hostile title.
 */
const RULE = "e2e.inbox-mass-deletion";
const OTHER = "e2e.inbox-other";
const HOSTILE = `Brute force by user: \u202eexe.txt ${"x".repeat(200_000)}`;

let critical = "";
let low = "";
let acknowledged = "";
let eventGids: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await removeTestRules(client, [RULE, OTHER]);
    // Two real events of one actor and type: the alert's events, which the explorer link must show.
    const { rows } = await client.query<{ gid: string; created_at: Date; actor_key: string; event_type: string }>(`
      WITH pair AS (
        SELECT actor_key, event_type FROM audit_event WHERE actor_type = 'user' AND event_type ~ '^[a-z_]+$'
        GROUP BY 1, 2 HAVING count(*) >= 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1
      )
      SELECT e.gid, e.created_at, e.actor_key, e.event_type FROM audit_event e JOIN pair USING (actor_key, event_type)
      ORDER BY e.created_at DESC LIMIT 2`);
    const [newer, older] = rows;
    if (!newer || !older) throw new Error("the demo domain has no actor with two events of one type");
    eventGids = [older.gid, newer.gid];
    await insertTestRule(client, {
      id: RULE,
      name: "E2E mass deletion",
      severity: "critical",
      query: `type:${newer.event_type}`,
      description: "Many deletions by one person in a short time.",
      runbook: "Call the person; restore from the trash if it was a mistake.",
      helpUrl: "https://help.asana.com/s/article/admin-console",
    });
    await insertTestRule(client, { id: OTHER, name: "E2E other rule", severity: "high" });
    const base = { firstAt: older.created_at, lastAt: newer.created_at, actorKey: newer.actor_key };
    [critical, low, acknowledged] = await insertTestAlerts(client, [
      { ...base, ruleId: RULE, severity: "critical", title: "E2E critical: mass deletion", events: [older, newer].map((e) => ({ gid: e.gid, at: e.created_at })) },
      { ...base, ruleId: RULE, severity: "low", title: "E2E low: mass deletion" },
      { ...base, ruleId: OTHER, severity: "high", status: "acknowledged", title: "E2E acknowledged alert" },
      { ...base, ruleId: OTHER, severity: "high", title: HOSTILE },
    ]);
  });
});

test.afterAll(async () => {
  await withE2eDatabase((client) => removeTestRules(client, [RULE, OTHER]));
});

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

// By CSS, not role: an open drawer makes the page behind it aria-hidden, and its badge still counts.
const badge = (page: Page) => page.locator('nav[aria-label="Main"] [data-testid="open-alerts-badge"]');
const openCount = async (page: Page) => Number(await badge(page).getAttribute("data-count"));

/** The open count once the detection engine has judged the demo domain's last page: two answers 2 s apart agree. */
async function settledOpenCount(page: Page): Promise<number> {
  const ask = async () => ((await (await page.request.get("/api/alerts/count")).json()) as { open: number }).open;
  let last = await ask();
  await expect(async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = await ask();
    const same = now === last;
    last = now;
    expect(same).toBe(true);
  }).toPass({ timeout: 60_000 });
  return last;
}
const row = (page: Page, id: string) => page.locator(`[data-alert-id="${id}"]`);

test("filter, open an alert, acknowledge it (the badge drops), and open its events in the explorer", async ({ page, consoleErrors }) => {
  const before = await settledOpenCount(page);
  expect(before).toBeGreaterThanOrEqual(3);
  await page.goto("/alerts");
  await waitForHydration(page);
  const table = page.getByTestId("alert-table");
  await expect(row(page, critical)).toContainText("E2E critical: mass deletion");
  await expect(row(page, acknowledged)).toHaveCount(0);
  await expect(badge(page)).toHaveAttribute("data-count", String(before));

  // Filters go into the URL: the rule, then one severity.
  await page.getByRole("combobox", { name: "Rule" }).click();
  await page.getByRole("option", { name: "E2E mass deletion" }).click();
  await expect(page).toHaveURL(new RegExp(`rule=${RULE.replace(/\./g, "\\.")}`));
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await page.getByRole("button", { name: "Severity" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Critical" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/severity=critical/);
  await expect(table.locator("tbody tr")).toHaveCount(1);

  // Open it: its detail with the rule's runbook, its own events, and the notification's address.
  await row(page, critical).getByRole("button").first().click();
  await expect(page).toHaveURL(new RegExp(`alert=${critical}`));
  const detail = page.getByTestId("alert-detail");
  await expect(detail.getByTestId("alert-title")).toHaveText("E2E critical: mass deletion");
  await expect(detail.getByTestId("alert-runbook")).toContainText("Call the person");
  await expect(detail.getByRole("link", { name: "Asana's help on this" })).toHaveAttribute("href", "https://help.asana.com/s/article/admin-console");
  for (const gid of eventGids) await expect(detail.getByTestId("alert-events").getByRole("link", { name: gid })).toBeVisible();

  await detail.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Acknowledged 1 alert")).toBeVisible();
  await expect(detail.locator("[data-status]")).toHaveText("Acknowledged");
  await expect(detail.getByTestId("alert-history")).toContainText(`Acknowledged by ${DEMO_ADMIN.email}`);
  await expect.poll(() => openCount(page)).toBe(before - 1);

  await detail.getByRole("link", { name: "Open its events in the explorer" }).click();
  await expect(page).toHaveURL(/\/events\?.*from=.*to=/);
  for (const gid of eventGids) await expect(page.locator(`[data-gid="${gid}"]`).first()).toBeVisible();

  // Back in the inbox the acknowledged alert has left the open tab, and the trail says who.
  await page.goto(`/alerts?rule=${RULE}&severity=critical`);
  await expect(page.getByText("No open alerts match these filters")).toBeVisible();
  const trail = await page.request.get("/api/audit?action=alert.acknowledge");
  expect(((await trail.json()) as { entries: Array<{ actorEmail: string; details: { alertIds: string[] } }> }).entries[0]).toMatchObject({ actorEmail: DEMO_ADMIN.email, details: { alertIds: [critical] } });
  expect(consoleErrors).toEqual([]);
});

test("selects a row by keyboard and resolves it in bulk", async ({ page }) => {
  await page.goto(`/alerts?rule=${RULE}`);
  await waitForHydration(page);
  await row(page, low).focus();
  await page.keyboard.press("x");
  const bulk = page.getByTestId("bulk-actions");
  await expect(bulk).toContainText("1 alert selected");
  await bulk.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("Resolved 1 alert")).toBeVisible();
  await expect(row(page, low)).toHaveCount(0);
  await page.getByRole("tab", { name: "Resolved" }).click();
  await expect(page).toHaveURL(/status=resolved/);
  await expect(row(page, low)).toBeVisible();
  // Enter opens the focused row's detail.
  await row(page, low).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("alert-detail").getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("a notification's link opens the alert over the inbox; a hostile title stays visible and bounded", async ({ page }) => {
  await page.goto(`/alerts?alert=${acknowledged}`);
  await expect(page.getByTestId("alert-detail").getByTestId("alert-title")).toHaveText("E2E acknowledged alert");
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/alert=/);

  await page.goto(`/alerts?rule=${OTHER}`);
  const hostile = page.getByTestId("alert-table").locator("tbody tr").filter({ hasText: "Brute force by user" });
  await expect(hostile.locator('[data-hidden-char="RLO"]')).toBeVisible();
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(width.page).toBeLessThanOrEqual(3 * width.viewport);
});

test("the overview's Alerts panel counts open alerts by severity and opens them in the inbox", async ({ page }, testInfo) => {
  const summary = (await (await page.request.get("/api/alerts/summary")).json()) as { openBySeverity: Record<string, number>; latest: Array<{ id: string }> };
  await page.goto("/");
  const panel = page.getByTestId("panel-alerts");
  await expect(panel.getByTestId("alerts-high")).toContainText(String(summary.openBySeverity.high));
  await shoot(page, testInfo, "overview alerts panel", false);
  await panel.getByRole("list", { name: "Latest open alerts" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/alerts\\?alert=${summary.latest[0]!.id}`));
  await expect(page.getByTestId("alert-detail")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("alert-detail")).toHaveCount(0);
  await waitForHydration(page);
  await shoot(page, testInfo, "alerts inbox", true);
  await page.goto("/");
  await panel.getByTestId("alerts-high").click();
  await expect(page).toHaveURL(/\/alerts\?severity=high/);
  await expect(page.getByTestId("alert-table").locator('tbody [data-severity]:not([data-severity="high"])')).toHaveCount(0);
});

test("a link the inbox cannot read says why, and the API answers 400", async ({ page }) => {
  await page.goto("/alerts?status=closed&severity=urgent");
  await expect(page.getByTestId("invalid-params")).toContainText("status");
  await expect(page.getByTestId("invalid-params")).toContainText("severity");
  const answer = await page.request.get("/api/alerts?range=1y");
  expect(answer.status()).toBe(400);
  expect(((await answer.json()) as { error: { message: string } }).error.message).toContain("range");
});
