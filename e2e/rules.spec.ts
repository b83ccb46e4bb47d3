import { DEFAULT_WORKSPACE_GID } from "@/lib/asana/emulator/organisation";
import { filterOf } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";
import { INSERT_PAGE } from "@/lib/sync/store";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * Issue #17 end to end: a detection rule made from a saved query, its backtest shown while
 * editing, then an event stored by the sync's own statement raises its alert on the next
 * sync, which the admin acknowledges and whose events open in the explorer.
 */
test.describe.configure({ mode: "serial" });

test("a rule from a saved query: backtest, an alert after a sync, acknowledged, its events opened", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Exports ${Date.now()}`;
  const saved = await page.request.post("/api/saved-queries", {
    data: { name, search: eventSearch(filterOf({ include: { eventType: ["workspace_export_started"] } })), timeMode: "relative" },
  });
  expect(saved.status()).toBe(201);

  await page.goto("/saved");
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Create a detection rule…" }).click();
  await expect(page).toHaveURL(/\/alerts\/rules\/new\?savedQuery=/);
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Query")).toHaveValue(/type:workspace_export_started/);
  await expect(page.getByTestId("backtest-summary")).toContainText(/Would (not )?have fired/);
  await page.getByLabel("Severity").selectOption("critical");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/alerts\/rules$/);
  const ruleRow = page.locator("tr", { hasText: name });
  await expect(ruleRow).toBeVisible();
  const ruleId = await ruleRow.getAttribute("data-rule");
  expect(ruleId).toMatch(/^r_/);

  // An export by someone new, stored as the sync stores a page (the demo has no live events).
  const gid = `99${String(Date.now()).slice(-14)}`;
  const event = {
    gid,
    created_at: new Date(Date.now() - 60_000).toISOString(),
    event_type: "workspace_export_started",
    event_category: "content_export",
    actor: { actor_type: "user", gid: "1299000000000001", name: "Rhea Exporter", email: "rhea.exporter@example.com" },
    resource: { resource_type: "workspace", gid: DEFAULT_WORKSPACE_GID, name: "Workspace" },
    details: {},
    context: { context_type: "web", client_ip_address: "198.51.100.77", user_agent: "Mozilla/5.0" },
  };
  await withE2eDatabase((client) => client.query(INSERT_PAGE, [JSON.stringify({ data: [event], next_page: null }), [], DEFAULT_WORKSPACE_GID]));
  expect((await page.request.post("/api/sync", { data: {} })).status()).toBeLessThan(300);

  const row = page.getByTestId("alert-table").locator("tbody tr").filter({ hasText: `${name}: Rhea Exporter` });
  await expect(async () => {
    await page.goto(`/alerts?rule=${ruleId}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  await row.getByRole("button").first().click();
  const detail = page.getByTestId("alert-detail");
  await expect(detail.getByTestId("alert-events").getByRole("link", { name: gid })).toBeVisible();
  await detail.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Acknowledged 1 alert")).toBeVisible();
  await detail.getByRole("link", { name: "Open its events in the explorer" }).click();
  await expect(page).toHaveURL(/\/events\?/);
  await expect(page.getByText("Rhea Exporter").first()).toBeVisible();
});
