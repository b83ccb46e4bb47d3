import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against the built app,
 * started by the same launcher as `npm start`, on its own embedded PostgreSQL in a fresh
 * directory and the built-in Asana emulator with a small synthetic organisation.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "audit-e2e-"));

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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx lib/server/launch.ts start",
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      ASANA_TOKEN: "",
      DEMO_EVENTS: "3000",
      DEMO_SEED: "7",
      DEMO_LIVE_RATE: "0",
      SYNC_INTERVAL: "5s",
      LOG_FORMAT: "json",
      LOG_LEVEL: "warn",
    },
  },
});
