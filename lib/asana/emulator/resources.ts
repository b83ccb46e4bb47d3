import type { Named, Pools } from "./pools";
import type { Rng } from "./random";

/** Which pool holds the resources of a type, and what subtypes Asana gives them. */

const ATTACHMENT_SUBTYPES = ["asana", "asana", "asana", "asana", "asana", "gdrive", "dropbox", "onedrive", "box", "external"];
const STORY_SUBTYPES = ["comment_added", "assigned", "due_date_changed", "attachment_added", "section_changed"];
const CUSTOM_FIELD_SUBTYPES = ["enum", "multi_enum", "text", "number", "date", "people"];

/** The small, materialised pool for a resource type; empty for people, the workspace and lazy pools. */
export function poolFor(pools: Pools, kind: string): Named[] {
  switch (kind) {
    case "team":
      return pools.teams;
    case "project":
      return pools.projects;
    case "portfolio":
      return pools.portfolios;
    case "goal":
      return pools.goals;
    case "custom_field":
      return pools.customFields;
    case "division":
      return pools.divisions;
    case "task_template":
      return pools.taskTemplates;
    case "project_template":
      return pools.projectTemplates;
    case "workspace_announcement":
      return pools.announcements;
    default:
      return [];
  }
}

export function subtypeFor(kind: string, eventType: string, rng: Rng): string | undefined {
  switch (kind) {
    case "task": {
      const u = rng.next();
      return u < 0.85 ? "default_task" : u < 0.95 ? "milestone" : "approval";
    }
    case "attachment":
      return rng.pick(ATTACHMENT_SUBTYPES);
    case "story":
      return eventType.startsWith("comment_") ? "comment_added" : rng.pick(STORY_SUBTYPES);
    case "status_update": {
      const u = rng.next();
      return u < 0.7 ? "project_status_update" : u < 0.9 ? "portfolio_status_update" : "goal_status_update";
    }
    case "custom_field":
      return rng.pick(CUSTOM_FIELD_SUBTYPES);
    default:
      return undefined;
  }
}
