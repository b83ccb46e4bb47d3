import { z } from "zod";
import { REQUIRED_SCORE, secretScore } from "./secret-strength";

/**
 * The one place that reads process.env. Every setting, its default and its meaning is
 * declared here and documented in the README; a bad value stops start-up with a message
 * that names the setting.
 */

const duration = z
  .string()
  .trim()
  .regex(/^\d+(ms|s|m|h|d)?$/, "expected a duration such as 30s, 5m, 1h or a number of seconds")
  .transform((raw) => {
    const match = /^(\d+)(ms|s|m|h|d)?$/.exec(raw)!;
    const n = Number(match[1]);
    const unit = match[2] ?? "s";
    const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit]!;
    return n * factor;
  });

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const csv = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/**
 * A bearer secret: unset when empty, else at least 16 characters that are hard to guess. A
 * value of spaces, or with spaces around it, is refused (it used to mean "no secret" in
 * silence, and a bearer with them never matches).
 */
const bearerSecret = z
  .string()
  .optional()
  .superRefine((raw, ctx) => {
    if (raw === undefined || raw === "") return;
    if (raw.trim() === "") return void ctx.addIssue({ code: "custom", message: "is only spaces; set a real secret (e.g. `openssl rand -hex 32`) or leave it empty" });
    if (raw.trim() !== raw) return void ctx.addIssue({ code: "custom", message: "has spaces around it; remove them" });
    if (raw.length < 16) return void ctx.addIssue({ code: "custom", message: "use at least 16 characters" });
    if (secretScore(raw) < REQUIRED_SCORE) ctx.addIssue({ code: "custom", message: "is too easy to guess (repeats, sequences or words); use a random one, e.g. `openssl rand -hex 32`" });
  })
  .transform((raw) => raw || undefined);

const lowerCsv = csv.transform((items) => items.map((item) => item.toLowerCase()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),

  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Longest a query of a page or API call may run (0: no limit, for benchmarks and one-off tools). */
  QUERY_TIMEOUT: duration.default(5_000),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),

  ASANA_TOKEN: optionalString,
  ASANA_BASE_URL: z.url().default("https://app.asana.com/api/1.0"),
  ASANA_WORKSPACE_GIDS: csv.pipe(z.array(z.string().regex(/^\d+$/, "workspace gids are numeric"))).default([]),
  ASANA_REQUEST_TIMEOUT: duration.default(30_000),
  ASANA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1500),
  ASANA_PAGE_LIMIT: z.coerce.number().int().min(1).max(1000).optional(),

  SYNC_ENABLED: bool.default(true),
  SYNC_INTERVAL: duration.default(60_000),
  SYNC_SECRET: bearerSecret,
  SYNC_BACKFILL_DAYS: z.coerce.number().int().min(1).max(90).default(90),
  SYNC_OVERLAP: duration.default(3_600_000),
  SYNC_MAX_PAGES_PER_RUN: z.coerce.number().int().min(1).default(10_000),
  SYNC_MAX_RUN_TIME: duration.default(600_000),
  SYNC_BACKFILL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(8),
  SYNC_WRITERS: z.coerce.number().int().min(1).max(32).default(2),
  /** The sync counts as failing when it has not succeeded for this long (banner, readiness). */
  SYNC_STALE_AFTER: duration.default(3_600_000),

  RECONCILE_ENABLED: bool.default(true),
  /** The recent pass re-reads this much of the past… */
  RECONCILE_RECENT: duration.default(48 * 3_600_000),
  /** …this often; every day Asana still holds is re-read every RECONCILE_ALL_EVERY. */
  RECONCILE_RECENT_EVERY: duration.default(3_600_000),
  RECONCILE_ALL_EVERY: duration.default(7 * 86_400_000),
  /** A window is re-read once it ended this long ago (events can be captured late). */
  RECONCILE_SETTLE: duration.default(3_600_000),
  /** Share of ASANA_RATE_LIMIT_PER_MINUTE reconciliation may use; the rest stays for polling. */
  RECONCILE_RATE_SHARE: z.coerce.number().gt(0).max(0.9).default(0.5),
  /** Warn when a day never verified is this close to leaving Asana's 90 days. */
  HORIZON_WARNING_DAYS: z.coerce.number().int().min(1).max(89).default(7),

  /** Signs and encrypts session tokens; required outside demo mode (demo mode makes one). */
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "use at least 32 characters, e.g. `openssl rand -base64 32`").optional()),
  /** The address admins use to reach the dashboard; defaults to http://localhost:PORT. */
  NEXTAUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_SESSION_MAX_AGE: duration.default(8 * 3_600_000),
  AUTH_OIDC_ISSUER: optionalString.pipe(z.url().optional()),
  AUTH_OIDC_CLIENT_ID: optionalString,
  AUTH_OIDC_CLIENT_SECRET: optionalString,
  AUTH_OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
  ADMIN_EMAILS: lowerCsv.pipe(z.array(z.email("expected e-mail addresses"))).default([]),
  ADMIN_EMAIL_DOMAINS: lowerCsv.pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "expected domains such as company.com"))).default([]),
  AUTH_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  AUTH_LOCKOUT_IP_THRESHOLD: z.coerce.number().int().min(1).default(20),
  AUTH_LOCKOUT_WINDOW: duration.default(15 * 60_000),
  AUTH_LOCKOUT_DURATION: duration.default(15 * 60_000),
  AUTH_FAILURE_DELAY: duration.default(500),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: none). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Behind a trusted proxy: sign-in works at the host it forwards, not only at NEXTAUTH_URL. */
  AUTH_TRUST_HOST: bool.default(false),
  /** Bearer token that lets a Prometheus scraper read /api/metrics (unset: the route refuses everyone). */
  METRICS_TOKEN: bearerSecret,
  /** On SIGTERM: how long the server may take to finish what it is doing before it exits regardless. */
  SHUTDOWN_TIMEOUT: duration.default(25_000),
  /** Demo mode only: the demo admin's password (otherwise one is generated and kept). */
  DEMO_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, "use at least 12 characters").optional()),

  /** Set by the launcher when it started the built-in emulator in place of Asana. */
  DEMO_MODE: bool.default(false),
  DEMO_EVENTS: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  DEMO_SEED: z.coerce.number().int().default(42),
  DEMO_LIVE_RATE: z.coerce.number().min(0).default(0.5),
  /** Mix hostile records (hostile.ts) into the demo organisation, to see the dashboard hold up. */
  DEMO_HOSTILE: bool.default(false),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

// Settings that are only right together. The forwarded host is the proxy's to say: with no
// proxy it would be the client's Host header, which demo mode trusts anyway.
const checked = schema.superRefine((e, ctx) => {
  if (e.AUTH_TRUST_HOST && e.TRUSTED_PROXY_HOPS === 0) {
    ctx.addIssue({ code: "custom", path: ["AUTH_TRUST_HOST"], message: "needs TRUSTED_PROXY_HOPS of 1 or more: the forwarded host is trusted only from a proxy" });
  }
});

// Set beside what exportAuthEnvForNextAuth writes for next-auth. Next.js loads a copy of this
// module per bundle layer (route handlers, pages), and a copy that first parses after the export
// would read our own AUTH_TRUST_HOST as the admin's and refuse it without a proxy (a sign-in
// through the API before any page was rendered answered every page with a 500). The settings
// were checked together by the first parse in this process.
const EXPORTED_MARK = "AUDIT_AUTH_ENV_EXPORTED";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = (source[EXPORTED_MARK] === "true" ? schema : checked).safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process, parsed once on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * For scripts and command-line tools that decide a setting at run time (the address of an
 * embedded server they found or started, a quieter log): from now on env() answers with it.
 * Modules that read settings on first use (db(), the logger) must be loaded after.
 */
export function overrideEnv(patch: Partial<Env>): void {
  cached = { ...env(), ...patch };
}

/** Demo mode: no Asana token configured, so the built-in emulator stands in for Asana. */
export function isDemoMode(e: Env = env()): boolean {
  return e.DEMO_MODE || !e.ASANA_TOKEN;
}

/** Where admins reach the dashboard: NEXTAUTH_URL, or this machine on PORT. */
export function appUrl(e: Env = env()): string {
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

/** Single sign-on is on when its three settings are present. */
export function oidcSettings(e: Env = env()): { issuer: string; clientId: string; clientSecret: string; name: string } | undefined {
  if (!e.AUTH_OIDC_ISSUER || !e.AUTH_OIDC_CLIENT_ID || !e.AUTH_OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.AUTH_OIDC_ISSUER.replace(/\/+$/, ""), clientId: e.AUTH_OIDC_CLIENT_ID, clientSecret: e.AUTH_OIDC_CLIENT_SECRET, name: e.AUTH_OIDC_NAME };
}

/**
 * The session secret, or a start-up error that names the setting. Demo mode gets one from
 * the launcher (generated once and kept under .data/), so only real deployments must set it.
 */
export function authSecret(e: Env = env()): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  throw new EnvError(
    "Invalid configuration:\n  NEXTAUTH_SECRET: required outside demo mode; it signs admins' sessions. " +
      "Generate one with `openssl rand -base64 32` and set it in the environment.",
  );
}

/**
 * Whether sign-in works at whatever address the dashboard is reached: demo mode (run on a
 * laptop or a test server, reached as localhost, 127.0.0.1 or a name), or behind a trusted
 * proxy that says which host it was asked for (AUTH_TRUST_HOST). Otherwise only NEXTAUTH_URL.
 */
export function signInAtAnyHost(e: Env = env()): boolean {
  return isDemoMode(e) || e.AUTH_TRUST_HOST;
}

/**
 * next-auth reads NEXTAUTH_URL and NEXTAUTH_SECRET from process.env itself (for its base URL
 * and cookie names); this hands it the validated values, including the NEXTAUTH_URL default.
 * Where sign-in works at any host, it gets AUTH_TRUST_HOST instead, and takes each request's
 * own (X-Forwarded-Host and -Proto, which the app's server sets: lib/server/request-gate.ts).
 */
export function exportAuthEnvForNextAuth(e: Env = env()): void {
  if (signInAtAnyHost(e)) {
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST = "true";
  } else {
    process.env.NEXTAUTH_URL = appUrl(e);
  }
  if (e.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = e.NEXTAUTH_SECRET;
  process.env[EXPORTED_MARK] = "true";
}

/**
 * A custom server running from `.next/standalone` (the container image) has no next.config.js
 * to load: Next.js takes the config the build resolved (required-server-files.json) from this
 * variable, as the standalone server.js that the build writes does.
 */
export function exportStandaloneConfigForNext(config: unknown): void {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

/** Every setting's name, so that a test can hold the README's table to it. */
export const SETTING_NAMES = Object.keys(schema.shape) as Array<keyof Env>;

/** The process's environment as given, for the launcher to hand on to the Next.js server it starts. */
export function environmentForChild(): NodeJS.ProcessEnv {
  return { ...process.env };
}
