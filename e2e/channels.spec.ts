import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/detections/notify/signature";
import { DEMO_ADMIN } from "./constants";
import { expect, test } from "./fixtures";

/**
 * A webhook channel made in the browser: its signing secret shown once, "Send test" delivered
 * to a receiver this spec runs on 127.0.0.1, correctly signed, and the outcome shown in the row.
 */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

test("a webhook channel is created, its test message arrives signed, and the page says it was sent", async ({ page, consoleErrors }) => {
  const received: Received[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  const name = `SIEM ${Date.now()}`;
  try {
    await page.goto("/alerts/channels");
    await expect(page.getByRole("heading", { name: "Alert channels" })).toBeVisible();
    await page.getByRole("button", { name: "New channel" }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("radio", { name: "Webhook" })).toBeChecked();

    // The server's reasons appear beside the fields.
    await dialog.getByLabel("Webhook URL").fill("ftp://nowhere");
    await dialog.getByRole("button", { name: "Create channel" }).click();
    await expect(dialog.getByText("give the channel a name")).toBeVisible();
    await expect(dialog.getByText("use an https:// (or http://) address")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Webhook URL").fill(`http://127.0.0.1:${port}/hooks/audit?token=e2e-secret-token`);
    await dialog.getByRole("button", { name: "Create channel" }).click();

    // The generated signing secret, once.
    const secretDialog = page.getByRole("dialog", { name: "Signing secret" });
    await expect(secretDialog).toBeVisible();
    const secret = await secretDialog.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await secretDialog.getByRole("button", { name: "Done" }).click();
    await expect(secretDialog).toBeHidden();

    const row = page.getByTestId("channel-row").filter({ hasText: name });
    await expect(row).toContainText(`http://127.0.0.1:${port}/…`);
    await expect(row).not.toContainText("e2e-secret-token");
    await row.getByRole("button", { name: `Send a test through ${name}` }).click();
    await expect(row.getByTestId("test-outcome")).toHaveText("Test sent (204)");

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.path).toBe("/hooks/audit?token=e2e-secret-token");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["idempotency-key"]).toMatch(/^test:[0-9a-f-]{36}:\d+$/);
    expect(verifySignature(secret, request!.body, request!.headers["x-audit-dashboard-signature"] as string)).toMatchObject({ ok: true });
    expect(JSON.parse(request!.body)).toMatchObject({ type: "test", alert: { title: "Test notification from Asana Audit Dashboard" } });

    // The secret is in no answer of the API, and the trail names who created and tested the channel.
    const listed = await (await page.request.get("/api/channels")).text();
    expect(listed).toContain(name);
    expect(listed).not.toContain("e2e-secret-token");
    expect(listed).not.toContain(secret);
    const trail = (await (await page.request.get("/api/audit?limit=20")).json()) as { entries: Array<{ action: string; actorEmail: string; details: { name?: string } }> };
    expect(trail.entries.filter((e) => e.details?.name === name).map((e) => [e.action, e.actorEmail])).toEqual([
      ["alert_channel.test", DEMO_ADMIN.email],
      ["alert_channel.create", DEMO_ADMIN.email],
    ]);

    // Deleted after confirming.
    await page.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    // The one refusal the spec asked for (the invalid form) is the only failed request.
    expect(consoleErrors.filter((e) => !/status of 400 .*\/api\/channels\)$/.test(e))).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
