import { Prisma } from "@/lib/generated/prisma/client";
import { summariseDetails } from "./summarise-event";

/** One event as the explorer's table shows it: every column, and `details` as one line. */
export interface EventRow {
  gid: string;
  createdAt: string;
  workspaceGid: string;
  eventType: string;
  eventCategory: string | null;
  actorType: string;
  actorGid: string | null;
  actorName: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceSubtype: string | null;
  resourceGid: string | null;
  resourceName: string | null;
  resourceEmail: string | null;
  contextType: string | null;
  clientIp: string | null;
  userAgent: string | null;
  authMethod: string | null;
  oauthAppName: string | null;
  summary: string;
}

export interface DbEventRow {
  gid: string;
  created_at: Date;
  workspace_gid: string;
  event_type: string;
  event_category: string | null;
  actor_type: string;
  actor_gid: string | null;
  actor_name: string | null;
  actor_email: string | null;
  resource_type: string | null;
  resource_subtype: string | null;
  resource_gid: string | null;
  resource_name: string | null;
  resource_email: string | null;
  context_type: string | null;
  client_ip: string | null;
  user_agent: string | null;
  auth_method: string | null;
  oauth_app_name: string | null;
  details: unknown;
}

/** The select list matching DbEventRow; host() prints an inet without its /32. */
export const EVENT_ROW_COLUMNS = Prisma.sql`gid, created_at, workspace_gid, event_type, event_category, actor_type, actor_gid, actor_name, actor_email,
  resource_type, resource_subtype, resource_gid, resource_name, resource_email, context_type, host(client_ip) AS client_ip,
  user_agent, auth_method, oauth_app_name, details`;

export function toEventRow(row: DbEventRow): EventRow {
  return {
    gid: row.gid,
    createdAt: row.created_at.toISOString(),
    workspaceGid: row.workspace_gid,
    eventType: row.event_type,
    eventCategory: row.event_category,
    actorType: row.actor_type,
    actorGid: row.actor_gid,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    resourceType: row.resource_type,
    resourceSubtype: row.resource_subtype,
    resourceGid: row.resource_gid,
    resourceName: row.resource_name,
    resourceEmail: row.resource_email,
    contextType: row.context_type,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    authMethod: row.auth_method,
    oauthAppName: row.oauth_app_name,
    summary: summariseDetails(row.details),
  };
}
