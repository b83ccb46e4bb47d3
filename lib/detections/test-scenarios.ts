import type { Emulator } from "@/lib/asana/emulator";

/**
 * Events for the detection tests, built from the emulator's own events of the same type (so
 * every field has the shape Asana gives) with the actor, address, time and details a
 * scenario needs. Each scenario uses actors and addresses of its own, so that the alerts it
 * expects are told apart by their key.
 */
type Json = Record<string, unknown>;

export interface EventSpec {
  type: string;
  at: Date;
  actor?: { gid?: string; type?: string; name?: string; email?: string };
  ip?: string;
  details?: Json;
  resourceGid?: string;
}

let counter = 0;

export function eventFactory(emulator: Emulator) {
  const byType = new Map<string, Json>();
  for (const e of emulator.control.visibleEvents() as Json[]) if (!byType.has(e.event_type as string)) byType.set(e.event_type as string, e);
  return (spec: EventSpec): Json => {
    const base = byType.get(spec.type);
    if (!base) throw new Error(`no ${spec.type} event in the emulator's organisation`);
    const e = structuredClone(base);
    counter++;
    e.gid = `77${String(counter).padStart(14, "0")}`;
    e.created_at = spec.at.toISOString();
    if (spec.actor) {
      const type = spec.actor.type ?? "user";
      e.actor = type === "user" ? { actor_type: "user", gid: spec.actor.gid, name: spec.actor.name ?? `Person ${spec.actor.gid}`, email: spec.actor.email ?? `p${spec.actor.gid}@example.com` } : { actor_type: type, ...(spec.actor.name ? { name: spec.actor.name } : {}), ...(spec.actor.email ? { email: spec.actor.email } : {}) };
    }
    if (spec.ip) e.context = { ...(e.context as Json), client_ip_address: spec.ip };
    if (spec.details) e.details = spec.details;
    if (spec.resourceGid) e.resource = { ...(e.resource as Json), gid: spec.resourceGid };
    return e;
  };
}

/** A unique gid for a scenario's person (never one of the emulator's). */
let people = 0;
export const personGid = () => `88${String(++people).padStart(14, "0")}`;

/** `n` instants `stepMs` apart, the last `endsAgoMs` before now. */
export function times(n: number, stepMs: number, endsAgoMs: number, now = Date.now()): Date[] {
  return Array.from({ length: n }, (_, i) => new Date(now - endsAgoMs - (n - 1 - i) * stepMs));
}
