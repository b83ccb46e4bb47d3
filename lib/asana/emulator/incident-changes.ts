import { externalAdminContext } from "./context";
import { namedResource, supportContext, userResource, webContext, workspaceResource } from "./incident-event";
import type { Scene, Story } from "./incident-stories";

const MINUTE = 60_000;

/** An administrator changes one workspace setting from the office. */
const adminSets =
  (type: string, details: (s: Scene) => Record<string, string>): Story =>
  (s, at) => {
    const admin = s.admin();
    s.add(at, type, admin, workspaceResource(s.pools), details(s), webContext(admin, s.rng, true));
  };

/**
 * Single changes that weaken the organisation's security, or that an admin wants to hear of
 * whatever the reason: each is one event with the exact values Asana writes for it. Ordinary
 * events of these types move between the milder values (details.ts).
 */
export const CHANGES: Record<string, Story> = {
  session_never: adminSets("workspace_default_session_duration_changed", (s) => ({ old_value: s.rng.pick(["14 days", "30 days"]), new_value: "never" })),
  password_simple: adminSets("workspace_password_requirements_changed", () => ({ old_value: "strong", new_value: "simple" })),
  guests_anyone: adminSets("workspace_guest_invite_permissions_changed", (s) => ({ old_value: s.rng.pick(["admins_only", "members_only"]), new_value: "anyone" })),
  app_approvals_off: adminSets("workspace_require_app_approvals_of_type_changed", (s) => ({ app_type: s.rng.pick(["third_party", "internal"]), old_value: "true", new_value: "false" })),
  two_factor_requirement_off: adminSets("workspace_require_two_factor_auth_disabled", () => ({ old_value: "true", new_value: "false" })),
  form_links_open: adminSets("workspace_form_link_authentication_required_disabled", () => ({ old_value: "true", new_value: "false" })),
  email_domain_added: adminSets("workspace_associated_email_domain_added", (s) => ({ new_value: `${s.rng.pick(["partners", "contractors", "acquired", "labs"])}.${s.pools.workspace.domain}` })),
  organisation_export: adminSets("workspace_export_started", () => ({})),
  /** An identity provider outage: SAML made optional, and required again once it is over. */
  saml_optional: (s, at) => {
    const admin = s.admin();
    const ws = workspaceResource(s.pools);
    s.add(at, "workspace_saml_settings_changed", admin, ws, { old_value: "required", new_value: "optional" }, webContext(admin, s.rng, true));
    s.add(at + 40 * MINUTE + s.rng.int(180 * MINUTE), "workspace_saml_settings_changed", admin, { ...ws }, { old_value: "optional", new_value: "required" }, webContext(admin, s.rng, true));
  },
  new_admin: (s, at) => {
    const admin = s.admin();
    const promoted = s.member();
    s.add(at, "user_workspace_admin_role_changed", admin, userResource(promoted), { old_value: "member", new_value: s.rng.pick(["admin", "admin", "super_admin"]) }, webContext(admin, s.rng, true));
  },
  service_account_created: (s, at) => {
    const admin = s.admin();
    s.add(at, "service_account_created", admin, userResource(s.rng.pick(s.pools.serviceAccounts.slice(1))), {}, webContext(admin, s.rng, true));
  },
  team_public: (s, at) => {
    const owner = s.member();
    s.add(at, "team_privacy_settings_changed", owner, namedResource("team", s.rng.pick(s.pools.teams), "team_privacy_settings_changed", s.rng), { old_value: s.rng.pick(["request_to_join", "secret"]), new_value: "public" }, webContext(owner, s.rng));
  },
  two_factor_off: (s, at) => {
    const p = s.member();
    s.add(at, "user_two_factor_auth_disabled", p, userResource(p), { old_value: "true", new_value: "false" }, webContext(p, s.rng));
  },
  token_created: (s, at) => {
    const p = s.member();
    s.add(at, "user_personal_access_token_authorized", p, userResource(p), {}, webContext(p, s.rng));
  },
  /** Asana support fixing a SAML URL at an admin's request. */
  support_access: (s, at) => {
    const domain = s.pools.workspace.domain;
    const url = () => `https://idp.${domain}/saml2/sso/${1000 + s.rng.int(9000)}`;
    s.add(at, "workspace_saml_url_changed", "asana_support", workspaceResource(s.pools), { old_value: url(), new_value: url() }, supportContext(s.pools, s.rng));
  },
  /** A reseller's consultant onboarding a few people. */
  external_admin: (s, at) => {
    const external = { external: s.rng.int(s.pools.externalAdmins.length) };
    const context = externalAdminContext(s.rng);
    for (let n = 2 + s.rng.int(3), t = at; n > 0; n--, t += MINUTE + s.rng.int(5 * MINUTE)) {
      s.add(t, "user_invited", external, userResource(s.member()), {}, { ...context });
    }
  },
};
