import type { AuditLogEvent } from "./types";

/**
 * Records a sync must survive: Asana's spec makes every field optional, new event types appear
 * without notice, and fields are added over time. Each is derived from a well-formed event so
 * that only the named defect differs. Feed them to control.addEvents.
 */
export type OddityKind =
  | "missing_gid"
  | "bad_created_at"
  | "missing_created_at"
  | "wrong_types"
  | "unknown_fields"
  | "unknown_event_type"
  | "missing_actor"
  | "null_resource_name";

export const ODDITY_KINDS: readonly OddityKind[] = [
  "missing_gid",
  "bad_created_at",
  "missing_created_at",
  "wrong_types",
  "unknown_fields",
  "unknown_event_type",
  "missing_actor",
  "null_resource_name",
];

export function oddEvent(kind: OddityKind, base: AuditLogEvent, n = 0): Record<string, unknown> {
  const e = structuredClone(base) as unknown as Record<string, unknown>;
  const gid = `${base.gid.slice(0, -3)}${String(900 + (n % 100)).padStart(3, "0")}`;
  e.gid = gid;
  switch (kind) {
    case "missing_gid":
      delete e.gid;
      break;
    case "bad_created_at":
      e.created_at = "last tuesday, around lunch";
      break;
    case "missing_created_at":
      delete e.created_at;
      break;
    case "wrong_types":
      // gid as a number, actor as a string, details as an array, context type unknown.
      e.gid = Number(gid);
      e.actor = "user:12345";
      e.details = ["old", "new"];
      e.context = { context_type: "hologram", on_behalf_of_user_id: "not-a-number" };
      break;
    case "unknown_fields":
      e.risk_score = 0.87;
      e.actor = { ...base.actor, department: "Finance", mfa: { enrolled: true } };
      e.context = { ...base.context, geo: { country: "DE", city: "Berlin" }, device_id: "d-7f3a" };
      e.details = { ...base.details, ticket: "SEC-4211" };
      break;
    case "unknown_event_type":
      e.event_type = "workspace_quantum_entanglement_enabled";
      e.event_category = "admin_settings";
      e.details = { old_value: "false", new_value: "true", flux: 3 };
      break;
    case "missing_actor":
      delete e.actor;
      break;
    case "null_resource_name":
      e.resource = { ...base.resource, name: null };
      break;
  }
  return e;
}

/** One of each oddity, built from `base`. */
export function oddEvents(base: AuditLogEvent, kinds: readonly OddityKind[] = ODDITY_KINDS): Array<Record<string, unknown>> {
  return kinds.map((k, i) => oddEvent(k, base, i));
}
