/** Shapes of Asana's audit log API as its OpenAPI document gives them (every field optional there). */

import type { ActorType, AuthMethod, ContextType } from "../vocabulary";

export { ACTOR_TYPES } from "../vocabulary";
export type { ActorType, ContextType };
export type ApiAuthenticationMethod = AuthMethod;

export interface AuditLogEventActor {
  actor_type: ActorType;
  gid?: string;
  name?: string;
  email?: string;
}

export interface AuditLogEventResource {
  resource_type: string;
  resource_subtype?: string;
  gid: string;
  name: string | null;
  email?: string;
}

export interface AuditLogEventContext {
  context_type: ContextType;
  api_authentication_method?: ApiAuthenticationMethod;
  client_ip_address?: string;
  user_agent?: string;
  oauth_app_name?: string;
  rule_name?: string;
  on_behalf_of_user_id?: number;
}

export type AuditLogEventDetails = Record<string, unknown> & {
  old_value?: string | null;
  new_value?: string | null;
  group?: Record<string, unknown>;
  saml_response?: string | null;
};

export interface AuditLogEvent {
  gid: string;
  created_at: string;
  event_type: string;
  event_category: string;
  actor: AuditLogEventActor;
  resource: AuditLogEventResource;
  context: AuditLogEventContext;
  details: AuditLogEventDetails;
}

export interface NextPage {
  offset: string;
  path: string;
  uri: string;
}

export interface AuditLogPage {
  data: unknown[];
  next_page: NextPage | null;
}

export interface AsanaError {
  message: string;
  help?: string;
  phrase?: string;
}

/** The query filters of the endpoint, parsed. Times are epoch milliseconds. */
export interface AuditLogFilters {
  startAt?: number;
  endAt?: number;
  eventType?: string;
  actorType?: ActorType;
  actorGid?: string;
  resourceGid?: string;
}

/** A clock in epoch milliseconds; tests pass their own to move time. */
export type Clock = () => number;
