import type { Pools } from "./pools";
import type { Rng } from "./random";
import type { AuditLogEventDetails } from "./types";

/** Setting changes: the values a setting moves between (old_value -> new_value). */
const SETTING_VALUES: Record<string, readonly string[]> = {
  workspace_google_sso_settings_changed: ["disabled", "optional", "required"],
  workspace_saml_settings_changed: ["disabled", "optional", "required"],
  // The admin console's two strengths (help.asana.com, "Managing password settings").
  workspace_password_requirements_changed: ["simple", "strong"],
  workspace_guest_invite_permissions_changed: ["anyone", "members_only", "admins_only"],
  workspace_file_attachment_options_changed: [
    "asana,dropbox,google_drive,box,onedrive",
    "asana,google_drive,onedrive",
    "asana,onedrive",
    "asana",
  ],
  workspace_default_team_privacy_settings_changed: ["public", "request_to_join", "secret"],
  workspace_default_session_duration_changed: ["30 days", "14 days", "7 days", "24 hours", "12 hours"],
  team_privacy_settings_changed: ["public", "request_to_join", "secret"],
  project_privacy_settings_changed: ["public_to_workspace", "private_to_team", "private"],
  user_workspace_admin_role_changed: ["member", "admin", "super_admin"],
  user_division_admin_role_changed: ["member", "division_admin"],
  workspace_app_admin_approval_setting_changed: ["unreviewed", "approved", "blocked"],
};

const ACCESS_LEVELS = ["editor", "commenter", "viewer"];
const LOGIN_METHODS = ["saml", "saml", "saml", "saml", "saml", "google_sso", "google_sso", "password", "password", "magic_link"];

function change(rng: Rng, values: readonly string[]): { old_value: string; new_value: string } {
  const a = rng.int(values.length);
  const b = (a + 1 + rng.int(values.length - 1)) % values.length;
  return { old_value: values[a] as string, new_value: values[b] as string };
}

function samlResponse(rng: Rng): string | null {
  if (rng.chance(0.1)) return null;
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let s = "PHNhbWxwOlJlc3BvbnNl";
  for (let k = 0; k < 40; k++) s += chars[rng.int(64)];
  return `${s}...`;
}

function toggle(eventType: string, rng: Rng): AuditLogEventDetails {
  // Half the time Asana gives no before/after for an on/off switch.
  if (rng.chance(0.5)) return {};
  const enabled = eventType.endsWith("_enabled");
  return { old_value: enabled ? "false" : "true", new_value: enabled ? "true" : "false" };
}

export function buildDetails(eventType: string, pools: Pools, rng: Rng): AuditLogEventDetails {
  const values = SETTING_VALUES[eventType];
  switch (eventType) {
    case "user_login_succeeded":
    case "user_login_failed": {
      const method = rng.pick(LOGIN_METHODS);
      const d: AuditLogEventDetails = { method };
      if (method === "saml" && rng.chance(0.3)) d.saml_response = samlResponse(rng);
      return d;
    }
    case "workspace_security_contact_email_changed":
      return {
        old_value: rng.chance(0.2) ? null : `security@${pools.workspace.domain}`,
        new_value: `${rng.pick(["secops", "it-security", "ciso"])}@${pools.workspace.domain}`,
      };
    case "workspace_saml_url_changed":
      return {
        old_value: `https://idp.${pools.workspace.domain}/saml2/sso/${rng.int(9000) + 1000}`,
        new_value: `https://idp.${pools.workspace.domain}/saml2/sso/${rng.int(9000) + 1000}`,
      };
    case "workspace_app_recipient_emails_changed":
      return {
        old_value: `it@${pools.workspace.domain}`,
        new_value: `it@${pools.workspace.domain},security@${pools.workspace.domain}`,
      };
    case "workspace_associated_email_domain_added":
      return { new_value: `${rng.pick(["eu", "us", "labs", "corp"])}.${pools.workspace.domain}` };
    case "workspace_associated_email_domain_removed":
      return { old_value: `${rng.pick(["legacy", "old", "acquired"])}.${pools.workspace.domain}` };
    case "workspace_app_admin_approval_setting_changed":
      return { app_name: rng.pick(pools.oauthApps), ...change(rng, values as readonly string[]) };
    case "workspace_require_app_approvals_of_type_changed":
      return { app_type: rng.pick(["third_party", "internal"]), old_value: "false", new_value: "true" };
    case "user_division_admin_role_changed": {
      const g = rng.pick(pools.divisions);
      return { ...change(rng, values as readonly string[]), group: { resource_type: "division", gid: g.gid, name: g.name } };
    }
    case "user_app_authorized":
    case "user_app_revoked":
      return { app_name: rng.pick(pools.oauthApps) };
    case "service_account_name_changed":
      return { old_value: `${rng.pick(["Temp", "Legacy", "Test"])} integration`, new_value: rng.pick(pools.serviceAccounts).name };
    case "project_member_added":
    case "portfolio_member_added":
      return rng.chance(0.7) ? { new_value: rng.pick(ACCESS_LEVELS) } : {};
    case "project_member_removed":
    case "portfolio_member_removed":
      return rng.chance(0.7) ? { old_value: rng.pick(ACCESS_LEVELS) } : {};
    default:
      if (values) return change(rng, values);
      if (eventType.endsWith("_enabled") || eventType.endsWith("_disabled")) return toggle(eventType, rng);
      return {};
  }
}
