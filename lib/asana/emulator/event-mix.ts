import { EVENT_TYPES } from "./event-types";

/**
 * Who performs an event type:
 * - self: a member acting on their own account (sign-ins)
 * - member: any member, skewed towards the busiest
 * - admin: one of the few administrators (now and then Asana support on their behalf)
 * - provisioning: admins, the SCIM service account, or an external administrator
 * - system: mostly Asana itself (trash purges), sometimes a member
 * - asana: Asana alone (billing)
 * - login_failed / forgot_password: the user, or an anonymous caller
 * - service: admins managing service accounts
 */
export type ActorPolicy =
  | "self"
  | "member"
  | "admin"
  | "provisioning"
  | "system"
  | "asana"
  | "login_failed"
  | "forgot_password"
  | "service";

interface Mix {
  weight: number;
  policy: ActorPolicy;
}

/**
 * Relative frequencies, per mille of all events. Sign-ins are about half of a real audit log;
 * work on tasks, files and memberships is common; settings, exports and role changes are rare.
 */
const MIX: Record<string, Mix> = {
  user_login_succeeded: { weight: 380, policy: "self" },
  user_login_failed: { weight: 45, policy: "login_failed" },
  user_logged_out: { weight: 75, policy: "self" },
  user_invited: { weight: 6, policy: "provisioning" },
  user_deprovisioned: { weight: 2.5, policy: "provisioning" },
  user_reprovisioned: { weight: 0.4, policy: "provisioning" },
  user_forgot_password_started: { weight: 5, policy: "forgot_password" },
  user_password_reset: { weight: 3, policy: "self" },
  user_password_changed: { weight: 3, policy: "self" },
  user_two_factor_auth_enabled: { weight: 1.5, policy: "self" },
  user_two_factor_auth_disabled: { weight: 0.3, policy: "self" },
  user_csv_import_started: { weight: 0.05, policy: "admin" },
  domain_user_billing_paused: { weight: 0.4, policy: "asana" },
  domain_user_billing_unpaused: { weight: 0.15, policy: "asana" },
  user_workspace_admin_role_changed: { weight: 0.15, policy: "admin" },
  user_division_admin_role_changed: { weight: 0.08, policy: "admin" },
  workspace_export_started: { weight: 0.03, policy: "admin" },
  search_report_export_started: { weight: 0.6, policy: "member" },
  workspace_teams_export_started: { weight: 0.05, policy: "admin" },
  division_teams_export_started: { weight: 0.03, policy: "admin" },
  workspace_members_export_started: { weight: 0.08, policy: "admin" },
  project_csv_export_started: { weight: 1.2, policy: "member" },
  attachment_downloaded: { weight: 45, policy: "member" },
  workspace_attachment_export_started: { weight: 0.03, policy: "admin" },
  object_export_started: { weight: 0.03, policy: "admin" },
  project_share_link_enabled: { weight: 1.2, policy: "member" },
  project_share_link_disabled: { weight: 0.6, policy: "member" },
  project_view_link_enabled: { weight: 1, policy: "member" },
  project_view_link_disabled: { weight: 0.5, policy: "member" },
  team_privacy_settings_changed: { weight: 0.6, policy: "member" },
  team_member_added: { weight: 15, policy: "member" },
  team_member_removed: { weight: 5, policy: "member" },
  project_member_added: { weight: 30, policy: "member" },
  project_member_removed: { weight: 9, policy: "member" },
  project_privacy_settings_changed: { weight: 4, policy: "member" },
  portfolio_member_added: { weight: 4, policy: "member" },
  portfolio_member_removed: { weight: 1.5, policy: "member" },
  team_harvest_integration_enabled: { weight: 0.1, policy: "member" },
  team_harvest_integration_disabled: { weight: 0.05, policy: "member" },
  user_app_authorized: { weight: 5, policy: "member" },
  user_app_revoked: { weight: 1.5, policy: "member" },
  user_personal_access_token_authorized: { weight: 2, policy: "member" },
  user_personal_access_token_revoked: { weight: 0.6, policy: "member" },
  service_account_created: { weight: 0.05, policy: "service" },
  service_account_deleted: { weight: 0.02, policy: "service" },
  service_account_name_changed: { weight: 0.03, policy: "service" },
  team_created: { weight: 3, policy: "member" },
  attachment_uploaded: { weight: 60, policy: "member" },
  task_deleted: { weight: 95, policy: "member" },
  task_permanently_deleted: { weight: 25, policy: "system" },
  task_undeleted: { weight: 12, policy: "member" },
  project_deleted: { weight: 6, policy: "member" },
  project_undeleted: { weight: 1, policy: "member" },
  portfolio_deleted: { weight: 1, policy: "member" },
  portfolio_undeleted: { weight: 0.2, policy: "member" },
  goal_deleted: { weight: 1.5, policy: "member" },
  goal_undeleted: { weight: 0.3, policy: "member" },
  custom_field_deleted: { weight: 1, policy: "member" },
  custom_field_undeleted: { weight: 0.2, policy: "member" },
  message_deleted: { weight: 3, policy: "member" },
  message_permanently_deleted: { weight: 1, policy: "system" },
  message_undeleted: { weight: 0.3, policy: "member" },
  team_deleted: { weight: 0.5, policy: "member" },
  team_undeleted: { weight: 0.1, policy: "member" },
  attachment_deleted: { weight: 10, policy: "member" },
  attachment_undeleted: { weight: 1, policy: "member" },
  comment_deleted: { weight: 12, policy: "member" },
  comment_undeleted: { weight: 1, policy: "member" },
  status_update_deleted: { weight: 2, policy: "member" },
  status_update_permanently_deleted: { weight: 0.5, policy: "system" },
  status_update_undeleted: { weight: 0.3, policy: "member" },
  task_template_deleted: { weight: 0.5, policy: "member" },
  task_template_undeleted: { weight: 0.1, policy: "member" },
  project_template_deleted: { weight: 0.5, policy: "member" },
  project_template_undeleted: { weight: 0.1, policy: "member" },
  story_deleted: { weight: 5, policy: "member" },
  story_undeleted: { weight: 0.5, policy: "member" },
};

/** Workspace settings (admin_settings) not listed above: rare, and done by admins. */
const ADMIN_SETTING: Mix = { weight: 0.08, policy: "admin" };

export const EVENT_MIX: readonly Mix[] = EVENT_TYPES.map((t) => MIX[t.event_type] ?? ADMIN_SETTING);

export const EVENT_WEIGHTS: readonly number[] = EVENT_MIX.map((m) => m.weight);
