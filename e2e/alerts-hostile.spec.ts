import type { APIResponse, Locator, Page } from "@playwright/test";
import { DEFAULT_WORKSPACE_GID } from "@/lib/asana/emulator/organisation";
import type { Tx } from "@/lib/sync/store";
import { writeRecordTexts } from "@/lib/sync/write-page";
import { shoot, waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { withE2eDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";

/**
 * The rules, channels and alerts pages and their API as an attacker and a careless admin use
 * them: names of bidi controls, `__proto__` and hundreds of characters, 200,000-character
 * fields, settings at and past their limits, actor names from Asana that no one would type,
 * links that mean nothing, malformed bodies; and the lists driven by keyboard alone.
 */
// Serial: the rule made by the second test is the one the next ones edit, switch and route to.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const RLO = "\u202e";
const run = String(Date.now()).slice(-8);
const named = (prefix: string, length: number) => `${prefix} ${run} __proto__ `.padEnd(length, "W");
const RULE_NAME = named(`${RLO}gnp.exe rule`, 200);
const CHANNEL_NAME = named(`${RLO}gnp.exe channel`, 120);
const HUGE = "x".repeat(200_000);

const custom = { name: `Careless ${run}`, query: "category:deletion", severity: "low", dedupSeconds: 3_600, condition: "threshold", settings: { groupBy: "actor", threshold: 3, windowSeconds: 3_600 } };

let ruleId = "";

async function reason(answer: APIResponse): Promise<string> {
  const body = (await answer.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? "";
}

/** React has taken over the element (the rules and channels pages have no zone picker for waitForHydration to wait for). */
async function waitForReact(locator: Locator) {
  await expect.poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")))).toBe(true);
}

/** The page never scrolls sideways: a long value wraps or is cut inside its own cell. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(width.page).toBeLessThanOrEqual(width.viewport);
}

test("the rules, channels and alerts APIs answer malformed and hostile requests with a 4xx that says why", async ({ page }) => {
  const cases: Array<{ method: string; path: string; data?: unknown; status: number; says: string }> = [
    { method: "POST", path: "/api/detections/rules", data: "{", status: 400, says: "valid JSON" },
    { method: "POST", path: "/api/detections/rules", data: "[".repeat(100_000), status: 400, says: "valid JSON" },
    { method: "POST", path: "/api/detections/rules", data: "null", status: 400, says: "expected object" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, name: "a\u0000b" }, status: 400, says: "name: the value holds a NUL" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, description: "\ud800" }, status: 400, says: "description: the value holds half of a UTF-16 surrogate pair" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, name: HUGE }, status: 400, says: "name: keep the name under 200 characters" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, query: HUGE }, status: 400, says: "query: keep the query under 2,000 characters" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, settings: { ...custom.settings, threshold: 1 } }, status: 400, says: "settings.threshold: at least 2" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, settings: { ...custom.settings, windowSeconds: 31 * 86_400 } }, status: 400, says: "settings.windowSeconds: at most 30 days" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, dedupSeconds: "3600" }, status: 400, says: "dedupSeconds: a duration" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, enabeld: false }, status: 400, says: "enabeld: not a field of a rule" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, condition: "after", settings: { marker: " " } }, status: 400, says: "settings.marker: enter a query" },
    { method: "POST", path: "/api/detections/rules", data: { ...custom, name: "x".repeat(2_000_000) }, status: 413, says: "" },
    { method: "PATCH", path: "/api/detections/rules/builtin.token-created", data: {}, status: 400, says: "nothing to change" },
    { method: "PATCH", path: "/api/detections/rules/builtin.token-created", data: "[1]", status: 400, says: "JSON object" },
    { method: "PATCH", path: "/api/detections/rules/builtin.token-created", data: { builtin: false }, status: 400, says: "builtin: not a field of a rule" },
    { method: "GET", path: "/api/detections/rules/__proto__", status: 404, says: "does not exist" },
    { method: "DELETE", path: "/api/detections/rules/builtin.token-created", status: 409, says: "switch it off" },
    { method: "POST", path: "/api/detections/backtest", data: { rule: { query: "", dedupSeconds: 60, condition: "match", settings: {} }, days: 0 }, status: 400, says: "days" },
    { method: "POST", path: "/api/detections/backtest", data: { rule: { query: HUGE, dedupSeconds: 60, condition: "match", settings: {} } }, status: 400, says: "rule.query: keep the query under 2,000 characters" },
    { method: "POST", path: "/api/detections/backtest", data: { rule: { query: "(", dedupSeconds: 60, condition: "match", settings: {} }, tz: "__proto__" }, status: 400, says: "tz" },
    { method: "POST", path: "/api/channels", data: { kind: "webhook", name: "a\u0000", url: "https://example.com/hook" }, status: 400, says: "name: the value holds a NUL" },
    { method: "POST", path: "/api/channels", data: { kind: "__proto__", name: "x" }, status: 400, says: "kind" },
    { method: "POST", path: "/api/channels", data: { kind: "slack", name: HUGE.slice(0, 121), url: "javascript:alert(1)" }, status: 400, says: "url: use an https:// (or http://) address" },
    { method: "POST", path: "/api/channels", data: { kind: "email", name: "Mail", host: "smtp.example.com", port: 1e9, from: "a@example.com", to: ["__proto__"] }, status: 400, says: "to.0: an e-mail address" },
    { method: "PATCH", path: "/api/channels/00000000-0000-4000-8000-000000000000", data: { name: "x" }, status: 404, says: "does not exist" },
    { method: "POST", path: "/api/channels/__proto__/test", status: 404, says: "does not exist" },
    { method: "POST", path: "/api/alerts/status", data: { ids: ["abc"], action: "resolve" }, status: 400, says: "ids.0" },
    { method: "POST", path: "/api/alerts/status", data: { ids: ["1"], action: "__proto__" }, status: 400, says: "action" },
    { method: "POST", path: "/api/alerts/status", data: "{", status: 400, says: "valid JSON" },
    { method: "GET", path: "/api/alerts?status=x", status: 400, says: "status" },
    { method: "GET", path: "/api/alerts?severity=__proto__", status: 400, says: "severity" },
    { method: "GET", path: "/api/alerts?cursor=garbage", status: 400, says: "cursor" },
    { method: "GET", path: `/api/alerts?actor=${encodeURIComponent(HUGE)}`, status: 400, says: "" },
    { method: "GET", path: "/api/alerts/abc", status: 404, says: "does not exist" },
    { method: "GET", path: "/api/alerts/__proto__/deliveries", status: 404, says: "does not exist" },
  ];
  for (const c of cases) {
    const label = `${c.method} ${c.path.slice(0, 80)} ${JSON.stringify(c.data)?.slice(0, 120) ?? ""}`;
    const sent = page.request.fetch(c.path, {
      method: c.method,
      // A Buffer goes as it is: Playwright would send a string as a JSON string.
      ...(c.data === undefined ? {} : { data: Buffer.from(typeof c.data === "string" ? c.data : JSON.stringify(c.data)), headers: { "content-type": "application/json" } }),
    });
    // A body past the limit is refused with 413 as soon as its length is read; the server may
    // close the connection while the client still writes the rest (EPIPE): refused all the same.
    if (c.status === 413) {
      const refused = await sent.then((answer) => answer.status(), (error: Error) => (/EPIPE|ECONNRESET/.test(error.message) ? 413 : Promise.reject(error)));
      expect(refused, label).toBe(413);
      continue;
    }
    const answer = await sent;
    // A URL past the server's header limit is refused before the app; any other answer is the app's.
    if (c.path.length > 100_000) expect(answer.status(), label).toBeGreaterThanOrEqual(400);
    else expect(answer.status(), label).toBe(c.status);
    expect(answer.status(), label).toBeLessThan(500);
    if (c.says) expect(await reason(answer), label).toContain(c.says);
  }
});

test("a rule named and written as an attacker would: marked and bounded in the list, on its page and in its delete dialog", async ({ page }, testInfo) => {
  const created = await page.request.post("/api/detections/rules", {
    data: {
      ...custom,
      name: RULE_NAME,
      description: `${RLO}Runbook from elsewhere ${HUGE.slice(0, 3_000)}`,
      query: `"${RLO}txt.exe"`,
      detailsMatch: [{ path: "new_value", anyOf: [`${RLO}${"v".repeat(499)}`, "__proto__"] }],
      settings: { ...custom.settings, then: `"${RLO}then"` },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  ruleId = ((await created.json()) as { id: string }).id;

  await page.goto("/alerts/rules");
  const row = page.locator(`tr[data-rule="${ruleId}"]`);
  // The name, the query, the details values and the "then" query each show their RLO.
  await expect(row.locator('[data-hidden-char="RLO"]')).toHaveCount(4);
  await expectNoSidewaysScroll(page);
  await row.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "rules list with a hostile rule", false);

  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/alerts/rules/${ruleId}$`));
  await waitForReact(page.getByRole("button", { name: "Delete", exact: true }));
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-hidden-char="RLO"]')).toBeVisible();
  // An input shows the value as typed, reordered by its control: under it, the value marked.
  await expect(page.getByRole("form").getByTestId("hidden-characters").first()).toContainText("⟨RLO⟩gnp.exe rule");
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, "hostile rule page", true);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading").locator('[data-hidden-char="RLO"]')).toBeVisible();
  await shoot(page, testInfo, "hostile rule delete dialog", false);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeFocused();
});

test("the rule form says what is past its limits beside each field, and takes what is at them", async ({ page }, testInfo) => {
  await page.goto(`/alerts/rules/${ruleId}`);
  const form = page.getByRole("form");
  await waitForReact(form.getByLabel("Query"));
  await form.getByLabel("Query").fill(HUGE);
  await form.getByLabel("At least").fill("1");
  await form.getByLabel("Within", { exact: true }).fill("31");
  await form.getByLabel("Within: unit", { exact: true }).selectOption("days");
  await form.getByLabel("Join matches into one alert within", { exact: true }).fill("400");
  await form.getByLabel("Join matches into one alert within: unit").selectOption("days");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("keep the query under 2,000 characters")).toBeVisible();
  await expect(form.getByLabel("Query")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("at least 2 (to raise on every match")).toBeVisible();
  await expect(form.getByLabel("At least")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("at most 30 days")).toBeVisible();
  await expect(form.getByText("at most 365 days")).toBeVisible();
  // The backtest says why it cannot run, instead of spinning or failing blank.
  await expect(page.getByTestId("backtest")).toContainText("keep the query under 2,000 characters");
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, "rule form past its limits", true);

  await form.getByLabel("Query").fill("category:deletion");
  await form.getByLabel("At least").fill("10000");
  await form.getByLabel("Within", { exact: true }).fill("30");
  await form.getByLabel("Join matches into one alert within", { exact: true }).fill("365");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/alerts\/rules$/);
  const saved = (await (await page.request.get(`/api/detections/rules/${ruleId}`)).json()) as { settings: { threshold: number; windowSeconds: number }; dedupSeconds: number };
  expect(saved).toMatchObject({ settings: { threshold: 10_000, windowSeconds: 30 * 86_400 }, dedupSeconds: 365 * 86_400 });
});

test("the rules list by keyboard: switch a rule off with Space, open it with Enter", async ({ page }) => {
  await page.goto("/alerts/rules");
  const row = page.locator(`tr[data-rule="${ruleId}"]`);
  const toggle = row.getByRole("checkbox");
  await waitForReact(toggle);
  await toggle.focus();
  await expect(toggle).toHaveAttribute("aria-label", /^Switch off “\u27e8RLO\u27e9gnp\.exe rule/);
  await page.keyboard.press("Space");
  await expect(toggle).not.toBeChecked();
  await expect(page.getByText(/⟨RLO⟩gnp\.exe rule .*: off/)).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(row.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/alerts/rules/${ruleId}$`));
});

test("alerts raised through the sync from events whose names no one would type stay marked and bounded", async ({ page }, testInfo) => {
  await waitForSyncedEvents(page);
  const actorName = `${RLO}Mallory\u0000 ${run} ${HUGE}`;
  const gid = `98${run}${String(Date.now()).slice(-6)}`;
  const event = {
    gid,
    created_at: new Date(Date.now() - 60_000).toISOString(),
    event_type: "workspace_export_started",
    event_category: "content_export",
    actor: { actor_type: "user", gid: `1298${run}0001`, name: actorName, email: `mallory.${run}@example.com` },
    resource: { resource_type: "workspace", gid: DEFAULT_WORKSPACE_GID, name: `__proto__ ${RLO}${HUGE}` },
    details: JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    context: { context_type: "web", client_ip_address: "198.51.100.99", user_agent: `${RLO}${HUGE}` },
  };
  // Stored as the sync stores a record PostgreSQL would refuse as sent (its NUL): made storable first.
  await withE2eDatabase(async (client) => {
    await client.query("BEGIN");
    const written = await writeRecordTexts(client as unknown as Tx, DEFAULT_WORKSPACE_GID, [JSON.stringify(event)]);
    await client.query("COMMIT");
    expect(written).toMatchObject({ inserted: 1, quarantine: [] });
  });
  expect((await page.request.post("/api/sync", { data: {} })).status()).toBeLessThan(300);

  const row = page.getByTestId("alert-table").locator("tbody tr").filter({ hasText: `Mallory` }).filter({ hasText: run });
  await expect(async () => {
    await page.goto("/alerts?rule=builtin.organisation-export");
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await waitForHydration(page);
  // The title names the actor as visible text; the actor's own cell marks the control.
  await expect(row).toContainText("⟨RLO⟩Mallory");
  await expect(row.locator('[data-hidden-char="RLO"]')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, "inbox with a hostile actor", false);

  await row.focus();
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("alert-detail");
  await expect(detail.getByTestId("alert-title")).toContainText("⟨RLO⟩Mallory");
  await expect(detail.getByTestId("alert-events").getByRole("link", { name: gid })).toBeVisible();
  await shoot(page, testInfo, "hostile alert detail", false);
});

test("a channel named as an attacker would: marked in the list, its routing, its dialogs; driven by keyboard", async ({ page }, testInfo) => {
  const created = await page.request.post("/api/channels", { data: { kind: "webhook", name: CHANNEL_NAME, url: `http://127.0.0.1:9/${RLO}${"p".repeat(1_500)}`, ruleIds: [ruleId] } });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto("/alerts/channels");
  const row = page.getByTestId("channel-row").filter({ hasText: run });
  await waitForReact(row.getByRole("button", { name: /^Send a test through/ }));
  await expect(row.locator('[data-hidden-char="RLO"]')).toHaveCount(2);
  await expect(row).toContainText("http://127.0.0.1:9/…");

  // Send test through an address nothing listens on: the outcome says so, in the row.
  await row.getByRole("button", { name: /^Send a test through ⟨RLO⟩gnp\.exe channel/ }).click();
  await expect(row.getByTestId("test-outcome")).toContainText("Test failed");
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, "channels with a hostile channel", false);

  // By keyboard: the row's menu, its edit dialog (Escape gives focus back), then delete.
  const actions = row.getByRole("button", { name: /^Actions for ⟨RLO⟩gnp\.exe channel/ });
  await actions.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Edit…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading").locator('[data-hidden-char="RLO"]')).toBeVisible();
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await shoot(page, testInfo, "hostile channel edit dialog", false);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Delete…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("heading").locator('[data-hidden-char="RLO"]')).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Deleted “⟨RLO⟩gnp\.exe channel/)).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("links that mean nothing say so, never a server error", async ({ page }) => {
  for (const [path, param] of [
    ["/alerts?alert=abc", "alert"],
    ["/alerts?severity=__proto__", "severity"],
    ["/alerts?status=x", "status"],
    ["/alerts?cursor=garbage", "cursor"],
    [`/alerts?actor=${encodeURIComponent(`${RLO}${"a".repeat(5_000)}`)}`, "actor"],
  ] as const) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBeLessThan(500);
    await expect(page.getByTestId("invalid-params"), path).toContainText(param);
  }
  const missing = await page.goto("/alerts?alert=999999999999");
  expect(missing?.status()).toBeLessThan(500);
  await expect(page.getByTestId("alert-detail")).toContainText("does not exist");
  for (const path of ["/alerts/rules/__proto__", `/alerts/rules/${encodeURIComponent(`${RLO}${"r".repeat(3_000)}`)}`]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(404);
  }
  const rule = await page.goto("/alerts/rules/new?savedQuery=garbage");
  expect(rule?.status()).toBe(200);
  await expect(page.getByText("The saved query of this link does not exist")).toBeVisible();
});

test.afterAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query("DELETE FROM notification_channel WHERE name LIKE $1", [`%${run}%`]);
    await client.query("DELETE FROM detection_rule WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM alert WHERE rule_id = $1)", [ruleId]);
  });
});
