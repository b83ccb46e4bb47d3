import { EVENT_TYPES } from "@/lib/asana/event-types";
import type { PresetConditions } from "@/lib/events/filter-ops";

/**
 * The panels admins look for first (after Datadog's and Sumo Logic's Asana dashboards), each
 * a filter of the explorer's model: its figure is the count of the table its link opens.
 * They only use type, category and actor type, so the hourly rollup answers all of them.
 */
export interface Preset {
  key: string;
  title: string;
  description: string;
  conditions: PresetConditions;
}

const UNDELETIONS = EVENT_TYPES.map((t) => t.event_type).filter((t) => t.endsWith("_undeleted"));

export const PRESETS: readonly Preset[] = [
  { key: "sign-in-failures", title: "Sign-in failures", description: "Failed sign-in attempts", conditions: { include: { eventType: ["user_login_failed"] } } },
  { key: "admin-settings", title: "Admin-setting changes", description: "SSO, passwords, 2FA, sharing and app policies", conditions: { include: { category: ["admin_settings"] } } },
  { key: "role-changes", title: "Role changes", description: "Workspace and division admin roles", conditions: { include: { category: ["roles"] } } },
  {
    key: "exports",
    title: "Exports",
    description: "Organisation, member, project and search exports (attachment downloads aside)",
    conditions: { include: { category: ["content_export"] }, exclude: { eventType: ["attachment_downloaded"] } },
  },
  { key: "deletions", title: "Deletions", description: "Tasks, projects, files and more sent to trash or purged", conditions: { include: { category: ["deletion"] }, exclude: { eventType: UNDELETIONS } } },
  { key: "asana-support", title: "Asana support", description: "Actions by Asana's support staff", conditions: { include: { actorType: ["asana_support"] } } },
  { key: "external-admins", title: "External administrators", description: "Actions by administrators from outside the domain", conditions: { include: { actorType: ["external_administrator"] } } },
];
