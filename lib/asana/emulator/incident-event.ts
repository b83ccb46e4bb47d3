import { browserAgent, officeIp, usualIp } from "./context";
import type { Skeleton } from "./event-builder";
import { EVENT_TYPE_INDEX, EVENT_TYPES } from "./event-types";
import { GID_BASE, gidString, type Named, type Person, type Pools } from "./pools";
import type { Rng } from "./random";
import { subtypeFor } from "./resources";
import { isoTime } from "./timeline";
import type {
  AuditLogEvent,
  AuditLogEventActor,
  AuditLogEventContext,
  AuditLogEventDetails,
  AuditLogEventResource,
} from "./types";

/**
 * One event of an incident (incidents.ts, live-incidents.ts): everything but its gid and
 * created_at, in the shapes the event builder gives ordinary events, so that nothing tells an
 * incident apart but what happens in it.
 */
export interface IncidentEvent {
  typeIdx: number;
  actor: AuditLogEventActor;
  actorGidNum: number;
  resource: AuditLogEventResource;
  resourceGidNum: number;
  details: AuditLogEventDetails;
  context: AuditLogEventContext;
}

export type Actor = Person | { external: number } | "asana_support";

export function typeIndex(eventType: string): number {
  const i = EVENT_TYPE_INDEX.get(eventType);
  if (i === undefined) throw new Error(`unknown event type ${eventType}`);
  return i;
}

export function incidentEvent(pools: Pools, eventType: string, actor: Actor, resource: AuditLogEventResource, details: AuditLogEventDetails, context: AuditLogEventContext): IncidentEvent {
  let a: AuditLogEventActor;
  let actorGidNum = 0;
  if (actor === "asana_support") a = { actor_type: "asana_support" };
  else if ("external" in actor) {
    const ext = pools.externalAdmins[actor.external % pools.externalAdmins.length]!;
    a = { actor_type: "external_administrator", name: ext.name, email: ext.email };
  } else {
    a = { actor_type: "user", gid: actor.gid, name: actor.name, email: actor.email };
    actorGidNum = actor.gidNum;
  }
  return { typeIdx: typeIndex(eventType), actor: a, actorGidNum, resource, resourceGidNum: Number(resource.gid), details, context };
}

export const userResource = (p: Person): AuditLogEventResource => ({ resource_type: "user", gid: p.gid, name: p.name, email: p.email });

export const workspaceResource = (pools: Pools): AuditLogEventResource => ({ resource_type: "workspace", gid: pools.workspace.gid, name: pools.workspace.name });

export function namedResource(kind: string, item: Named, eventType: string, rng: Rng): AuditLogEventResource {
  const r: AuditLogEventResource = { resource_type: kind, gid: item.gid, name: item.name };
  const subtype = subtypeFor(kind, eventType, rng);
  if (subtype !== undefined) r.resource_subtype = subtype;
  return r;
}

/** Item `index` of a lazy pool (tasks, attachments...). */
export function lazyResource(pools: Pools, kind: keyof Pools["lazy"], index: number, eventType: string, rng: Rng): AuditLogEventResource {
  const pool = pools.lazy[kind];
  const k = index % pool.count;
  const r: AuditLogEventResource = { resource_type: kind, gid: gidString(pool.base + k), name: pool.name(k) };
  const subtype = subtypeFor(kind, eventType, rng);
  if (subtype !== undefined) r.resource_subtype = subtype;
  return r;
}

/**
 * A person at their desk: the office, or home, in their usual browser. Never abroad: incidents
 * pick no one who travels (incidents.ts), and live ones come after every trip has ended.
 */
export function webContext(p: Person, rng: Rng, atOffice = false): AuditLogEventContext {
  return { context_type: "web", client_ip_address: atOffice ? officeIp(p.office, rng) : usualIp(p, rng), user_agent: browserAgent(p, rng) };
}

export function tokenContext(ip: string, userAgent: string): AuditLogEventContext {
  return { context_type: "api", api_authentication_method: "personal_access_token", client_ip_address: ip, user_agent: userAgent };
}

export const supportContext = (pools: Pools, rng: Rng): AuditLogEventContext => ({ context_type: "asana_support", on_behalf_of_user_id: rng.pick(pools.admins).gidNum });

/** Fills the shared skeleton, as EventBuilder.computeSkeleton does for ordinary events. */
export function incidentSkeleton(e: IncidentEvent, sk: Skeleton): Skeleton {
  sk.typeIdx = e.typeIdx;
  sk.actorType = e.actor.actor_type;
  sk.actorGidNum = e.actorGidNum;
  sk.resourceGidNum = e.resourceGidNum;
  return sk;
}

/** The event as served: fresh objects each time (a caller may change what it gets), keys in Asana's order. */
export function servedIncidentEvent(e: IncidentEvent, gidPos: number, createdAtMs: number): AuditLogEvent {
  const info = EVENT_TYPES[e.typeIdx]!;
  return {
    gid: gidString(GID_BASE.event + gidPos * 4 + (gidPos % 3)),
    created_at: isoTime(createdAtMs),
    event_type: info.event_type,
    event_category: info.event_category,
    actor: { ...e.actor },
    resource: { ...e.resource },
    details: { ...e.details },
    context: { ...e.context },
  };
}
