/**
 * Settings the e2e run shares between playwright.config.ts (which starts the servers with
 * them) and the specs (which sign in with them). Test-only values, never real secrets.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

export const DEMO_ADMIN = { email: "demo@example.com", password: "e2e-demo-admin-password" } as const;

export const OIDC = {
  port: Number(process.env.E2E_OIDC_PORT ?? 3101),
  clientId: "audit-dashboard-e2e",
  clientSecret: "e2e-oidc-client-secret-not-a-real-one",
  name: "Local OpenID",
  /** On ADMIN_EMAILS in the e2e server's settings. */
  allowedEmail: "alice@allowed.test",
  /** Nowhere on the allow-list. */
  refusedEmail: "mallory@elsewhere.test",
} as const;

export const OIDC_ISSUER = `http://localhost:${OIDC.port}`;

export const ADMIN_STORAGE_STATE = "e2e/.auth/admin.json";

/** The e2e server's SYNC_SECRET, for the bearer path of POST /api/sync. */
export const SYNC_SECRET = "e2e-sync-secret-0123456789";

/** The e2e server's demo domain: this many events over 90 days, no live arrivals. */
export const DEMO_EVENT_COUNT = 3000;
