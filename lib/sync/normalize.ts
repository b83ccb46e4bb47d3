import { isIP } from "node:net";
import type { AuditLogEvent } from "@/lib/asana/schemas";

/** One event as the columns of `audit_event`; `raw` is the record exactly as received. */
export interface EventRow {
  gid: string;
  workspace_gid: string;
  created_at: string;
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
  raw: unknown;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

export function toEventRow(workspaceGid: string, event: AuditLogEvent, raw: unknown): EventRow {
  const ip = text(event.context?.client_ip_address);
  return {
    gid: event.gid,
    workspace_gid: workspaceGid,
    created_at: event.created_at,
    event_type: event.event_type,
    event_category: text(event.event_category),
    actor_type: event.actor.actor_type,
    actor_gid: text(event.actor.gid),
    actor_name: text(event.actor.name),
    actor_email: text(event.actor.email),
    resource_type: text(event.resource?.resource_type),
    resource_subtype: text(event.resource?.resource_subtype),
    resource_gid: text(event.resource?.gid),
    resource_name: text(event.resource?.name),
    resource_email: text(event.resource?.email),
    context_type: text(event.context?.context_type),
    // An address PostgreSQL's inet cannot hold stays in `raw` only, rather than failing the page.
    client_ip: ip && isIP(ip) ? ip : null,
    user_agent: text(event.context?.user_agent),
    auth_method: text(event.context?.api_authentication_method),
    oauth_app_name: text(event.context?.oauth_app_name),
    details: event.details ?? null,
    raw,
  };
}
