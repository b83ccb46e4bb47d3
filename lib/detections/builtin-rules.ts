import type { RuleInput } from "./rule";

/**
 * The rules every installation starts with, on by default: Panther's Asana pack with the same
 * logic, then brute force, two-factor authentication, Asana support and external
 * administrators, deprovisioned users, mass deletion and export, and OAuth apps and tokens.
 * Created at start when missing (lib/detections/builtin-sync.ts); an admin's tuning and
 * switching are kept across upgrades.
 */
export type BuiltinRule = RuleInput & { id: `builtin.${string}` };

const AUDIT_LOG_HELP = "https://developers.asana.com/docs/audit-log-events";
const ADMIN_CONSOLE_HELP = "https://help.asana.com/s/article/admin-console";
const HOUR = 3_600;
const DAY = 86_400;

const base: Pick<RuleInput, "description" | "runbook" | "helpUrl" | "detailsMatch" | "savedQueryId" | "enabled" | "dedupSeconds"> = {
  description: "",
  runbook: "",
  helpUrl: AUDIT_LOG_HELP,
  detailsMatch: [],
  savedQueryId: null,
  enabled: true,
  dedupSeconds: HOUR,
};

const setting = (id: string, name: string, severity: RuleInput["severity"], query: string, detailsMatch: RuleInput["detailsMatch"], description: string, runbook: string): BuiltinRule => ({
  ...base,
  id: `builtin.${id}`,
  name,
  severity,
  query,
  detailsMatch,
  description,
  runbook,
  helpUrl: ADMIN_CONSOLE_HELP,
  condition: "match",
  settings: { groupBy: "actor" },
});

const ADMIN_ROLES = ["admin", "super_admin"];

export const BUILTIN_RULES: readonly BuiltinRule[] = [
  // Panther's Asana pack.
  {
    ...base,
    id: "builtin.service-account-created",
    name: "Service account created",
    severity: "medium",
    query: "type:service_account_created",
    condition: "match",
    settings: { groupBy: "actor" },
    description: "A service account was created. Its token reads and changes everything in the organisation without a person behind it.",
    runbook: "Confirm with the admin who created it that the integration is approved and owned. If not, delete the service account in the admin console and review what its token did (open its events).",
  },
  setting(
    "team-made-public",
    "Team made public",
    "medium",
    "type:team_privacy_settings_changed",
    [{ path: "new_value", anyOf: ["public"] }],
    "A team's privacy was set to public: every member of the organisation can now see its projects.",
    "Ask the team's owner whether public was intended; if not, set the team back to private or request-to-join and check what was opened meanwhile.",
  ),
  setting(
    "session-duration-never",
    "Default session duration set to never expire",
    "medium",
    "type:workspace_default_session_duration_changed",
    [{ path: "new_value", anyOf: ["never", "Never"] }],
    "Sessions no longer expire: a stolen or forgotten session stays valid indefinitely.",
    "Set a bounded session duration in the admin console's security settings unless a documented exception exists.",
  ),
  setting(
    "email-domain-added",
    "E-mail domain added",
    "low",
    "type:workspace_associated_email_domain_added",
    [],
    "An e-mail domain was associated with the organisation: its users can join and are treated as members.",
    "Verify the domain belongs to the company (an acquisition, a new brand). Remove it if not.",
  ),
  setting(
    "form-link-auth-disabled",
    "Form link authentication disabled",
    "low",
    "type:workspace_form_link_authentication_required_disabled",
    [],
    "Forms can be filled in without signing in: anyone with a link can submit.",
    "Check who turned it off and why; re-enable the requirement unless forms must be public.",
  ),
  setting(
    "guest-invites-anyone",
    "Guest invites allowed to anyone",
    "low",
    "type:workspace_guest_invite_permissions_changed",
    [{ path: "new_value", anyOf: ["anyone"] }],
    "Any member may now invite guests from outside the organisation.",
    "Restrict guest invitations to admins or members if the policy requires it.",
  ),
  setting(
    "new-workspace-admin",
    "New workspace admin",
    "high",
    "type:user_workspace_admin_role_changed",
    [
      { path: "new_value", anyOf: ADMIN_ROLES },
      { path: "old_value", anyOf: ADMIN_ROLES, negate: true },
    ],
    "A user was made an admin or super admin of the organisation (admin in the new value, not in the old one).",
    "Confirm the promotion with the requester's manager or the change ticket. If unexpected, revoke the role and review the actor's recent activity.",
  ),
  {
    ...base,
    id: "builtin.organisation-export",
    name: "Organisation export started",
    severity: "medium",
    query: "type:workspace_export_started",
    condition: "match",
    settings: { groupBy: "actor" },
    description: "An export of the whole organisation's data was started.",
    runbook: "Confirm the export was requested (a migration, legal hold). If not, contact Asana support and the actor at once.",
  },
  setting(
    "password-requirements-simple",
    "Password requirements set to simple",
    "medium",
    "type:workspace_password_requirements_changed",
    [{ path: "new_value", anyOf: ["simple", "weak"] }],
    "The organisation's password strength requirement was lowered to its simplest setting.",
    "Restore strong password requirements, or enforce single sign-on.",
  ),
  setting(
    "app-approvals-off",
    "App approvals turned off",
    "medium",
    "type:workspace_require_app_approvals_of_type_changed",
    [{ path: "new_value", anyOf: ["false", "off", "disabled"] }],
    "Apps of a type no longer need an admin's approval before members connect them.",
    "Turn approvals back on unless the change was agreed; review apps authorised since.",
  ),
  setting(
    "saml-required-to-optional",
    "SAML changed from required to optional",
    "high",
    "type:workspace_saml_settings_changed",
    [
      { path: "old_value", anyOf: ["required"] },
      { path: "new_value", anyOf: ["optional"] },
    ],
    "Single sign-on is no longer enforced: members can sign in with a password again.",
    "Confirm with the identity team (an IdP outage?). Set SAML back to required as soon as possible.",
  ),

  // Sign-ins.
  {
    ...base,
    id: "builtin.brute-force-user",
    name: "Brute force against a user",
    severity: "medium",
    // Anonymous failures share one actor ("anonymous"): counted by address, not as a user.
    query: "type:user_login_failed -actor_type:anonymous",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 20, windowSeconds: HOUR },
    description: "At least 20 failed sign-ins for one user within an hour.",
    runbook: "Look at the addresses the attempts came from. Reset the user's password and sessions if a success follows; block the addresses at the identity provider.",
  },
  {
    ...base,
    id: "builtin.brute-force-ip",
    name: "Brute force from an address",
    severity: "medium",
    query: "type:user_login_failed",
    condition: "threshold",
    settings: { groupBy: "ip", threshold: 20, windowSeconds: HOUR },
    description: "At least 20 failed sign-ins from one address within an hour (password spraying across users).",
    runbook: "Check whether the address is an office or VPN egress; if not, block it and check every user who then signed in from it.",
  },
  {
    ...base,
    id: "builtin.brute-force-then-success-user",
    name: "Sign-in after brute force (user)",
    severity: "high",
    query: "type:user_login_failed -actor_type:anonymous",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 20, windowSeconds: HOUR, then: "type:user_login_succeeded" },
    description: "A user signed in successfully after at least 20 failed sign-ins within the hour before.",
    runbook: "Treat the account as compromised until shown otherwise: end its sessions, reset its password and second factor, review what it did after signing in.",
  },
  {
    ...base,
    id: "builtin.brute-force-then-success-ip",
    name: "Sign-in after brute force (address)",
    severity: "high",
    query: "type:user_login_failed",
    condition: "threshold",
    settings: { groupBy: "ip", threshold: 20, windowSeconds: HOUR, then: "type:user_login_succeeded" },
    description: "A successful sign-in from an address that failed at least 20 times within the hour before.",
    runbook: "Identify the account that signed in and treat it as compromised; block the address.",
  },
  {
    ...base,
    id: "builtin.two-factor-disabled-user",
    name: "Two-factor authentication disabled for a user",
    severity: "medium",
    query: "type:user_two_factor_auth_disabled",
    condition: "match",
    settings: { groupBy: "actor" },
    description: "A user turned off their second factor.",
    runbook: "Ask the user; if they did not do it, reset their credentials and re-enrol the second factor.",
  },
  {
    ...base,
    id: "builtin.two-factor-requirement-off",
    name: "Two-factor requirement turned off",
    severity: "high",
    query: "type:workspace_require_two_factor_auth_disabled",
    condition: "match",
    settings: { groupBy: "actor" },
    helpUrl: ADMIN_CONSOLE_HELP,
    description: "The organisation no longer requires two-factor authentication.",
    runbook: "Re-enable the requirement unless single sign-on enforces a second factor; find out why it was turned off.",
  },

  // People from outside.
  {
    ...base,
    id: "builtin.asana-support-access",
    name: "Asana support acted in the organisation",
    severity: "medium",
    query: "actor_type:asana_support",
    condition: "match",
    settings: { groupBy: "actor" },
    dedupSeconds: DAY,
    description: "Asana's support staff used access granted to them. (The audit log has no event for the grant itself; the first action is the earliest sign.)",
    runbook: "Match it with an open support ticket. If none, ask Asana support what was accessed and why.",
  },
  {
    ...base,
    id: "builtin.external-administrator",
    name: "Action by an external administrator",
    severity: "medium",
    query: "actor_type:external_administrator",
    condition: "match",
    settings: { groupBy: "actor" },
    dedupSeconds: DAY,
    description: "Someone outside the organisation acted with administrator rights (a reseller or consultant).",
    runbook: "Check the engagement is current; remove the external administrator when it is not.",
  },
  {
    ...base,
    id: "builtin.deprovisioned-user-activity",
    name: "Activity by a deprovisioned user",
    severity: "high",
    query: "actor_type:user",
    condition: "after",
    settings: { marker: "type:user_deprovisioned", cancel: "type:user_reprovisioned" },
    description: "A user acted after being deprovisioned (and not reprovisioned since): a session or token outlived the account.",
    runbook: "Revoke the user's sessions, tokens and app authorisations; review what was done after the deprovisioning.",
  },

  // Volume.
  {
    ...base,
    id: "builtin.mass-deletion",
    name: "Mass deletion",
    severity: "high",
    query: "category:deletion -type:*_undeleted",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 50, windowSeconds: 600 },
    description: "One actor deleted at least 50 items within 10 minutes.",
    runbook: "Contact the actor; restore from the trash what should not have gone (deleted items stay restorable for a while).",
  },
  {
    ...base,
    id: "builtin.mass-export",
    name: "Mass download or export",
    severity: "high",
    query: "category:content_export",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 100, windowSeconds: 600 },
    description: "One actor downloaded or exported at least 100 items within 10 minutes: possible data exfiltration.",
    runbook: "Check whether the person is leaving or the exports serve a known project; suspend the account if in doubt.",
  },

  // Apps and tokens.
  {
    ...base,
    id: "builtin.oauth-app-spreading",
    name: "OAuth app authorised by many users",
    severity: "medium",
    query: "type:user_app_authorized",
    condition: "threshold",
    settings: { groupBy: "app", threshold: 5, windowSeconds: DAY, distinct: "actor" },
    dedupSeconds: 365 * DAY,
    description: "Five or more different users authorised the same app within a day, for the first time (a consent-phishing campaign spreads this way).",
    runbook: "Review the app's publisher and scopes; block it in the admin console and revoke its authorisations if unknown.",
  },
  {
    ...base,
    id: "builtin.token-created",
    name: "Personal access token created",
    severity: "low",
    query: "type:user_personal_access_token_authorized",
    condition: "match",
    settings: { groupBy: "actor" },
    description: "A user created a personal access token: a long-lived credential outside single sign-on.",
    runbook: "Check the user's need for API access; remind them to keep the token in a secrets manager and revoke it when done.",
  },
];
