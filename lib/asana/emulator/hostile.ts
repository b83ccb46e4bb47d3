import { RawJson } from "./raw-json";
import type { Organisation } from "./organisation";
import type { AuditLogEvent } from "./types";

/**
 * Records an archive must survive although Asana's contract allows them: every field is
 * Asana's to fill, so any string may hold NUL, unpaired surrogates, bidi controls or 200,000
 * characters, any date may be far off, any value may be `__proto__`, details may be huge or
 * deeply nested, numbers may exceed every float. Each is a real event of the organisation
 * with one such defect, so the rest of it looks as usual. The emulator's hostile mode mixes
 * them into the history and the live stream (EmulatorOptions.hostile, `--hostile`).
 */
export const HOSTILE_KINDS = [
  "nul_name",
  "nul_everywhere",
  "lone_surrogate",
  "bidi_name",
  "zero_width_and_combining",
  "long_name",
  "long_indexed_values",
  "proto_actor_type",
  "proto_category_and_type",
  "proto_detail_keys",
  "date_2099",
  "date_year_0001",
  "date_year_0000",
  "date_offset_out_of_range",
  "date_beyond_9999",
  "date_before_year_1",
  "unlinkable_gid",
  "huge_numbers",
  "deep_details",
  "megabyte_details",
  "odd_ip",
  "markup",
  "escaped_text",
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

type Json = Record<string, unknown>;

const LONG = 200_000;
const longToken = (seed: string) => seed.repeat(Math.ceil(LONG / seed.length)).slice(0, LONG);

/** Details nested `depth` levels deep, as text (JSON.stringify cannot write it past its stack). */
function deepDetailsText(depth: number): string {
  return `${'{"level":'.repeat(depth)}"bottom"${"}".repeat(depth)}`;
}

/** The event's text with one placeholder string replaced by literal JSON text. */
function withLiteral(event: Json, placeholder: string, literal: string): RawJson {
  const text = JSON.stringify(event).replace(JSON.stringify(placeholder), literal);
  return new RawJson(text);
}

/** One hostile variant of `base` (with the given gid); a RawJson when JSON.stringify cannot write it. */
export function hostileRecord(kind: HostileKind, base: AuditLogEvent, gid: string): unknown {
  const e = structuredClone(base) as unknown as Json & { actor: Json; resource: Json; context: Json; details: Json };
  e.gid = gid;
  e.resource ??= { resource_type: "task", gid: "1", name: null };
  e.context ??= { context_type: "web" };
  e.details ??= {};
  switch (kind) {
    case "nul_name":
      e.resource.name = "before\u0000after";
      return e;
    case "nul_everywhere":
      Object.assign(e.actor, { name: "Mallory\u0000", email: "mallory\u0000@example.com" });
      e.context.user_agent = "Mozilla/5.0\u0000(X11)";
      e.details = { "key\u0000": "value\u0000", old_value: "\u0000", new_value: "a\u0000b" };
      return e;
    case "lone_surrogate":
      e.resource.name = "half a pair \ud800 here";
      e.details = { note: "\udfff", old_value: "x\ud83d", new_value: "\ude00y" };
      return e;
    case "bidi_name":
      e.resource.name = "Admin \u202eexe.txt";
      e.actor.name = "\u2067Eve\u2069 \u202bمدير\u202c";
      return e;
    case "zero_width_and_combining":
      e.actor.name = "a\u200bd\u200cm\u200di\u2060n\ufeff";
      e.resource.name = `Z${"\u0334\u0322\u031b".repeat(300)}algo`;
      return e;
    case "long_name":
      e.resource.name = longToken("LongFileNameWithoutSpaces_");
      e.context.user_agent = longToken("Agent/1.0;");
      return e;
    case "long_indexed_values":
      e.event_category = longToken("category_");
      e.actor.email = `${longToken("x")}@example.com`;
      e.context.oauth_app_name = longToken("App ");
      return e;
    case "proto_actor_type":
      e.actor.actor_type = "__proto__";
      e.context.context_type = "constructor";
      e.context.api_authentication_method = "toString";
      return e;
    case "proto_category_and_type":
      e.event_category = "hasOwnProperty";
      e.event_type = "constructor";
      e.resource.resource_type = "__proto__";
      e.resource.resource_subtype = "valueOf";
      return e;
    case "proto_detail_keys":
      return withLiteral({ ...e, details: "@details@" }, "@details@", '{"__proto__":{"polluted":true},"constructor":"x","toString":1,"hasOwnProperty":null,"old_value":"__proto__","new_value":"constructor"}');
    case "date_2099":
      e.created_at = "2099-12-31T23:59:59.000Z";
      return e;
    case "date_year_0001":
      e.created_at = "0001-01-01T00:00:00.000Z";
      return e;
    case "date_year_0000":
      e.created_at = "0000-06-15T12:00:00.000Z";
      return e;
    case "date_offset_out_of_range":
      e.created_at = `${String(base.created_at).slice(0, 19)}+23:30`;
      return e;
    case "date_beyond_9999":
      // Written in year 9999, but in UTC year 10000.
      e.created_at = "9999-12-31T23:59:59.000-14:00";
      return e;
    case "date_before_year_1":
      e.created_at = "0001-01-01T00:00:00.000+14:00";
      return e;
    case "unlinkable_gid":
      e.gid = `${gid}/../${"9".repeat(80)}?x=1`;
      return e;
    case "huge_numbers":
      return withLiteral({ ...e, details: "@details@" }, "@details@", '{"huge":1e999999,"tiny":1e-99999,"precise":123456789012345678901234567890,"neg":-0,"exp":1E+2}');
    case "deep_details":
      return withLiteral({ ...e, details: "@details@" }, "@details@", deepDetailsText(20_000));
    case "megabyte_details":
      e.details = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field_${i}`, "x".repeat(100)]));
      return e;
    case "odd_ip":
      e.context.client_ip_address = "fe80::1%eth0";
      return e;
    case "markup":
      e.resource.name = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;
      e.actor.name = "{{constructor.constructor('alert(3)')()}}";
      return e;
    case "escaped_text":
      // Escapes Asana's serialiser might use where JavaScript's would not: kept byte for byte in raw.
      return withLiteral({ ...e, resource: "@resource@" }, "@resource@", `{ "resource_type" : "task", "gid" : "${String((base.resource as unknown as Json)?.gid ?? "1")}", "name" : "\\u0048\\u0069 \\/ \\ud83d\\ude00" }`);
  }
}

/** A gid no generated event has: the base's digits, then 9 and the kind's two digits. */
export function hostileGid(base: AuditLogEvent, kind: HostileKind): string {
  return `${base.gid}9${String(HOSTILE_KINDS.indexOf(kind)).padStart(2, "0")}`;
}

export interface HostileEntry {
  record: unknown;
  /** When Asana files it: the base event's time, whatever the record's created_at says. */
  storedAt: number;
}

/**
 * `rounds` of every hostile kind, spread evenly over the organisation's history (each a
 * variant of the event found there). Deterministic: the same organisation gives the same set.
 */
export function hostileHistory(org: Organisation, rounds = 1): HostileEntry[] {
  if (org.size === 0) return [];
  const total = rounds * HOSTILE_KINDS.length;
  return Array.from({ length: total }, (_, n) => {
    const index = Math.min(org.size - 1, Math.floor(((n + 0.5) * org.size) / total));
    const base = org.eventAt(index);
    const kind = HOSTILE_KINDS[n % HOSTILE_KINDS.length]!;
    return { record: hostileRecord(kind, base, hostileGid(base, kind)), storedAt: org.createdAtMs(index) };
  });
}
