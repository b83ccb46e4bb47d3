import { defineConfig, devices } from "@playwright/test";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { requireLocalDatabase } from "./lib/testing/local-database";
import { ADMIN_STORAGE_STATE, DEMO_ADMIN, DEMO_EVENT_COUNT, E2E_PORT, OIDC, OIDC_ISSUER, SYNC_SECRET } from "./e2e/constants";

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against the built app,
 * started by the same launcher as `npm start`, on its own embedded PostgreSQL in a fresh
 * directory and the built-in Asana emulator with a small synthetic organisation. A local
 * OpenID provider (e2e/oidc/provider.ts) stands in for the company's IdP. The "setup"
 * project signs the demo admin in once (e2e/auth.setup.ts); every other spec starts from
 * that session (see e2e/fixtures.ts to start signed out).
 */
const PORT = E2E_PORT;
const baseURL = `http://localhost:${PORT}`;
if (!process.env.E2E_DATA_DIR) {
  const made = mkdtempSync(path.join(tmpdir(), "audit-e2e-"));
  // The embedded server may run as the `postgres` user (when we are root), which must reach it.
  chmodSync(made, 0o755);
  // Workers load this file again and inherit the environment: they find the same directory
  // (and so the server's database, for specs that write into it: e2e/e2e-database.ts).
  process.env.E2E_DATA_DIR = made;
}
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined, storageState: ADMIN_STORAGE_STATE },
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/oidc/provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx lib/server/launch.ts start",
      url: `${baseURL}/api/health`,
      timeout: 400_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
        DATABASE_URL: process.env.E2E_DATABASE_URL ? requireLocalDatabase(process.env.E2E_DATABASE_URL, "E2E_DATABASE_URL") : "",
        ASANA_TOKEN: "",
        DEMO_EVENTS: String(DEMO_EVENT_COUNT),
        DEMO_SEED: "7",
        DEMO_LIVE_RATE: "0",
        SYNC_INTERVAL: "5s",
        LOG_FORMAT: "json",
        LOG_LEVEL: "warn",
        NEXTAUTH_URL: baseURL,
        DEMO_ADMIN_PASSWORD: DEMO_ADMIN.password,
        AUTH_OIDC_ISSUER: OIDC_ISSUER,
        AUTH_OIDC_CLIENT_ID: OIDC.clientId,
        AUTH_OIDC_CLIENT_SECRET: OIDC.clientSecret,
        AUTH_OIDC_NAME: OIDC.name,
        ADMIN_EMAILS: OIDC.allowedEmail,
        ADMIN_EMAIL_DOMAINS: "",
        SYNC_SECRET,
      },
    },
  ],
});
