import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { backtest } from "./backtest";
import { BUILTIN_RULES } from "./builtin-rules";
import { ensureBuiltinRules } from "./builtin-sync";
import { eventFactory, personGid, times, type EventSpec } from "./test-scenarios";

/**
 * Every built-in rule on events shaped as Asana sends them, through the real sync (which
 * judges each stored page): a case that must raise exactly one alert for its key, and one
 * that must raise none.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;

interface Case {
  events: EventSpec[];
  /** The alert's dedup key: the actor's gid, the address, the app. */
  key: string;
}

const user = () => ({ gid: personGid() });
const setting = (type: string, details: Record<string, unknown>) => (): Case => {
  const actor = user();
  return { events: [{ type, at: new Date(Date.now() - HOUR), actor, details }], key: actor.gid };
};
const single = (type: string) => setting(type, {});
const failures = (n: number, spacingMs: number, who: () => { actor?: { gid: string }; ip: string }) => times(n, spacingMs, 2 * HOUR).map((at) => ({ type: "user_login_failed", at, ...who() }));

const PLACES = { berlin: "57.133.66.40", berlinHome: "84.148.0.10", berlinVpn: "5.157.168.10", tokyo: "49.239.90.40" } as const;
const signIn = (actor: { gid: string }, address: string, ago: number): EventSpec => ({ type: "user_login_succeeded", at: new Date(Date.now() - ago), actor, ip: address });

let ipCounter = 0;
const ip = () => `198.51.100.${++ipCounter}`;

const CASES: Record<string, { positive: () => Case; negative: () => Case }> = {
  "builtin.service-account-created": { positive: single("service_account_created"), negative: single("service_account_deleted") },
  "builtin.team-made-public": { positive: setting("team_privacy_settings_changed", { old_value: "secret", new_value: "public" }), negative: setting("team_privacy_settings_changed", { old_value: "public", new_value: "secret" }) },
  "builtin.session-duration-never": { positive: setting("workspace_default_session_duration_changed", { old_value: "30 days", new_value: "never" }), negative: setting("workspace_default_session_duration_changed", { old_value: "never", new_value: "7 days" }) },
  "builtin.email-domain-added": { positive: single("workspace_associated_email_domain_added"), negative: single("workspace_associated_email_domain_removed") },
  "builtin.form-link-auth-disabled": { positive: single("workspace_form_link_authentication_required_disabled"), negative: single("workspace_form_link_authentication_required_enabled") },
  "builtin.guest-invites-anyone": { positive: setting("workspace_guest_invite_permissions_changed", { old_value: "admins_only", new_value: "anyone" }), negative: setting("workspace_guest_invite_permissions_changed", { old_value: "anyone", new_value: "members_only" }) },
  "builtin.new-workspace-admin": { positive: setting("user_workspace_admin_role_changed", { old_value: "member", new_value: "admin" }), negative: setting("user_workspace_admin_role_changed", { old_value: "admin", new_value: "super_admin" }) },
  "builtin.organisation-export": { positive: single("workspace_export_started"), negative: single("project_csv_export_started") },
  "builtin.password-requirements-simple": { positive: setting("workspace_password_requirements_changed", { old_value: "strong", new_value: "simple" }), negative: setting("workspace_password_requirements_changed", { old_value: "simple", new_value: "strong" }) },
  "builtin.app-approvals-off": { positive: setting("workspace_require_app_approvals_of_type_changed", { app_type: "third_party", old_value: "true", new_value: "false" }), negative: setting("workspace_require_app_approvals_of_type_changed", { app_type: "third_party", old_value: "false", new_value: "true" }) },
  "builtin.saml-required-to-optional": { positive: setting("workspace_saml_settings_changed", { old_value: "required", new_value: "optional" }), negative: setting("workspace_saml_settings_changed", { old_value: "disabled", new_value: "optional" }) },
  "builtin.brute-force-user": {
    positive: () => {
      const actor = user();
      return { events: failures(20, 2 * MIN, () => ({ actor, ip: ip() })), key: actor.gid };
    },
    // Twenty failures, but spread over four hours: never twenty within one.
    negative: () => {
      const actor = user();
      return { events: failures(20, 12 * MIN, () => ({ actor, ip: ip() })), key: actor.gid };
    },
  },
  "builtin.brute-force-ip": {
    positive: () => {
      const address = ip();
      return { events: failures(20, MIN, () => ({ actor: user(), ip: address })), key: address };
    },
    negative: () => {
      const address = ip();
      return { events: failures(19, MIN, () => ({ actor: user(), ip: address })), key: address };
    },
  },
  "builtin.brute-force-then-success-user": {
    positive: () => {
      const actor = user();
      return { events: [...failures(20, MIN, () => ({ actor, ip: ip() })), { type: "user_login_succeeded", at: new Date(Date.now() - 2 * HOUR + 30_000), actor, ip: ip() }], key: actor.gid };
    },
    negative: () => {
      const actor = user();
      return { events: [...failures(5, MIN, () => ({ actor, ip: ip() })), { type: "user_login_succeeded", at: new Date(Date.now() - 2 * HOUR + 30_000), actor, ip: ip() }], key: actor.gid };
    },
  },
  "builtin.brute-force-then-success-ip": {
    positive: () => {
      const address = ip();
      return { events: [...failures(20, MIN, () => ({ actor: user(), ip: address })), { type: "user_login_succeeded", at: new Date(Date.now() - 2 * HOUR + 30_000), actor: user(), ip: address }], key: address };
    },
    // The success comes two hours after the failures: outside the hour.
    negative: () => {
      const address = ip();
      return { events: [...failures(20, MIN, () => ({ actor: user(), ip: address })), { type: "user_login_succeeded", at: new Date(Date.now() - 10 * MIN), actor: user(), ip: address }], key: address };
    },
  },
  "builtin.two-factor-disabled-user": { positive: single("user_two_factor_auth_disabled"), negative: single("user_two_factor_auth_enabled") },
  "builtin.two-factor-requirement-off": { positive: single("workspace_require_two_factor_auth_disabled"), negative: single("workspace_require_two_factor_auth_enabled") },
  "builtin.asana-support-access": {
    positive: () => ({ events: [{ type: "workspace_saml_url_changed", at: new Date(Date.now() - HOUR), actor: { type: "asana_support", name: "Asana Support Agent 7" } }], key: "asana_support:name:Asana Support Agent 7" }),
    negative: () => {
      const actor = user();
      return { events: [{ type: "workspace_saml_url_changed", at: new Date(Date.now() - HOUR), actor }], key: actor.gid };
    },
  },
  "builtin.external-administrator": {
    positive: () => ({ events: [{ type: "user_invited", at: new Date(Date.now() - HOUR), actor: { type: "external_administrator", email: "consultant@reseller.example.net" } }], key: "external_administrator:email:consultant@reseller.example.net" }),
    negative: () => {
      const actor = user();
      return { events: [{ type: "user_invited", at: new Date(Date.now() - HOUR), actor }], key: actor.gid };
    },
  },
  "builtin.deprovisioned-user-activity": {
    positive: () => {
      const leaver = user();
      return {
        events: [
          { type: "user_deprovisioned", at: new Date(Date.now() - 3 * HOUR), actor: user(), resourceGid: leaver.gid },
          { type: "attachment_downloaded", at: new Date(Date.now() - HOUR), actor: leaver },
        ],
        key: leaver.gid,
      };
    },
    // Active before the deprovisioning, and after a reprovisioning.
    negative: () => {
      const mover = user();
      return {
        events: [
          { type: "attachment_downloaded", at: new Date(Date.now() - 4 * HOUR), actor: mover },
          { type: "user_deprovisioned", at: new Date(Date.now() - 3 * HOUR), actor: user(), resourceGid: mover.gid },
          { type: "user_reprovisioned", at: new Date(Date.now() - 2 * HOUR), actor: user(), resourceGid: mover.gid },
          { type: "attachment_downloaded", at: new Date(Date.now() - HOUR), actor: mover },
        ],
        key: mover.gid,
      };
    },
  },
  "builtin.mass-deletion": {
    positive: () => {
      const actor = user();
      return { events: times(50, 10_000, HOUR).map((at) => ({ type: "task_deleted", at, actor })), key: actor.gid };
    },
    // Fifty, but ten of them restorations.
    negative: () => {
      const actor = user();
      return { events: times(50, 10_000, HOUR).map((at, i) => ({ type: i % 5 === 0 ? "task_undeleted" : "task_deleted", at, actor })), key: actor.gid };
    },
  },
  "builtin.mass-export": {
    positive: () => {
      const actor = user();
      return { events: times(100, 5_000, HOUR).map((at) => ({ type: "attachment_downloaded", at, actor })), key: actor.gid };
    },
    negative: () => {
      const actor = user();
      return { events: times(99, 5_000, HOUR).map((at) => ({ type: "attachment_downloaded", at, actor })), key: actor.gid };
    },
  },
  "builtin.oauth-app-spreading": {
    positive: () => ({ events: times(5, 30 * MIN, HOUR).map((at) => ({ type: "user_app_authorized", at, actor: user(), details: { app_name: "Totally Legit Calendar" } })), key: "Totally Legit Calendar" }),
    // Five authorisations, all by one person.
    negative: () => {
      const actor = user();
      return { events: times(5, 30 * MIN, HOUR).map((at) => ({ type: "user_app_authorized", at, actor, details: { app_name: "Solo Notes" } })), key: "Solo Notes" };
    },
  },
  "builtin.token-created": { positive: single("user_personal_access_token_authorized"), negative: single("user_personal_access_token_revoked") },
  // Addresses of the demo's networks (lib/asana/emulator/networks.ts), placed by the shipped databases.
  "builtin.sign-in-new-country": {
    positive: () => {
      const actor = user();
      return { events: [signIn(actor, PLACES.berlin, 50 * HOUR), signIn(actor, PLACES.berlinHome, 26 * HOUR), signIn(actor, PLACES.tokyo, HOUR)], key: actor.gid };
    },
    // A sign-in from nowhere known, then a first located one (learning, not new), then a new address in the same country.
    negative: () => {
      const actor = user();
      return { events: [signIn(actor, "198.51.100.250", 50 * HOUR), signIn(actor, PLACES.berlin, 26 * HOUR), signIn(actor, PLACES.berlinHome, HOUR)], key: actor.gid };
    },
  },
  "builtin.impossible-travel": {
    // Berlin, then Tokyo (8,900 km) an hour later.
    positive: () => {
      const actor = user();
      return { events: [signIn(actor, PLACES.berlin, 3 * HOUR), signIn(actor, PLACES.tokyo, 2 * HOUR)], key: actor.gid };
    },
    // Fast but possible: Berlin, then Tokyo twelve hours later (about 735 km/h); the sign-in from an unknown place between is passed over.
    negative: () => {
      const actor = user();
      return { events: [signIn(actor, PLACES.berlin, 14 * HOUR), signIn(actor, "198.51.100.251", 8 * HOUR), signIn(actor, PLACES.tokyo, 2 * HOUR)], key: actor.gid };
    },
  },
  "builtin.sign-in-hosting-network": {
    positive: () => {
      const actor = user();
      return { events: [signIn(actor, PLACES.berlinVpn, HOUR)], key: actor.gid };
    },
    negative: () => {
      const actor = user();
      return { events: [signIn(actor, PLACES.berlin, HOUR)], key: actor.gid };
    },
  },
};

let emulator: Emulator;
const expectations: Array<{ rule: string; key: string; alerts: number; events?: number }> = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 171, events: 400 });
  await ensureBuiltinRules();
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
  const make = eventFactory(emulator);
  const events = [];
  for (const [rule, { positive, negative }] of Object.entries(CASES)) {
    const yes = positive();
    const no = negative();
    events.push(...yes.events.map(make), ...no.events.map(make));
    expectations.push({ rule, key: yes.key, alerts: 1 }, { rule, key: no.key, alerts: 0 });
  }
  // Filed as captured now (start_at reads that), dated as each scenario needs.
  emulator.control.addEvents(events, { storedAt: Date.now() });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
}, 120_000);
afterAll(() => emulator.close());

describe("built-in rules", () => {
  it("have a case each", () => {
    expect(Object.keys(CASES).sort()).toEqual(BUILTIN_RULES.map((r) => r.id).sort());
  });

  it.each(BUILTIN_RULES.map((r) => r.id))("%s raises one alert on its positive case and none on its negative one", async (rule) => {
    for (const e of expectations.filter((x) => x.rule === rule)) {
      const alerts = await db().alert.findMany({ where: { ruleId: rule, dedupKey: e.key } });
      expect(alerts, `${rule} for ${e.key}`).toHaveLength(e.alerts);
    }
  });

  it.each(BUILTIN_RULES.map((r) => r.id))("%s backtested over the stored history finds the alerts the engine raised", async (id) => {
    const rule = BUILTIN_RULES.find((r) => r.id === id)!;
    const result = await backtest(rule, { from: new Date(0), to: new Date(Date.now() + 86_400_000) });
    if ("error" in result) throw new Error(result.error);
    const live = await db().alert.findMany({ where: { ruleId: id }, orderBy: [{ lastAt: "desc" }, { dedupKey: "asc" }] });
    expect(result.alerts).toBe(live.length);
    // A threshold's live alert holds its whole window; the backtest counts the events that fired.
    if (rule.condition !== "threshold") expect(result.events).toBe(live.reduce((n, a) => n + a.eventCount, 0));
    expect(result.recent.map((a) => a.key)).toEqual(live.slice(0, 20).map((a) => a.dedupKey));
  });

  it("leave nothing queued once the sync has judged its pages", async () => {
    expect(await db().detectionQueue.count()).toBe(0);
  });

  it("name the actor in the title and keep the events that raised the alert", async () => {
    const [alert] = await db().alert.findMany({ where: { ruleId: "builtin.mass-deletion" }, include: { events: true }, orderBy: { id: "desc" }, take: 1 });
    expect(alert!.title).toMatch(/^Mass deletion: Person 88/);
    expect(alert!.eventCount).toBe(50);
    expect(alert!.events).toHaveLength(50);
  });
});
