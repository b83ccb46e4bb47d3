import { base, DAY, type BuiltinRule } from "./base";

/** Who acts without being one of the organisation's members: Asana support, external administrators, deprovisioned users. */
export const OUTSIDER_RULES: readonly BuiltinRule[] = [
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
];

/** Apps and tokens that act for people: an OAuth app spreading through consent, a personal access token. */
export const APP_AND_TOKEN_RULES: readonly BuiltinRule[] = [
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
