import { createHash } from "node:crypto";
import { MESSAGES } from "./errors";
import { ACTOR_TYPES, type ActorType, type AuditLogFilters } from "./types";

export interface ParsedQuery {
  filters: AuditLogFilters;
  limit: number;
  offset?: string;
  /** The query as sent, minus offset: next_page.path repeats it. */
  passThrough: Array<[string, string]>;
  pretty: boolean;
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; message: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const GID = /^\d{1,19}$/;

/**
 * Parses an ISO 8601 date or date-time to epoch ms, or NaN. A value without a zone is read as
 * UTC (Date.parse would read it as local time, making results depend on the host).
 */
export function parseDateTime(value: string): number {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return Number.NaN;
  }
  const ms = (frac + "000").slice(0, 3);
  const z = zone.toUpperCase() === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${z}`);
  // Date.parse rolls 2023-02-30 over to March; refuse what is not a real calendar day.
  if (Number.isNaN(t)) return t;
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  return check.getUTCDate() === day ? t : Number.NaN;
}

export function parseQuery(params: URLSearchParams, defaultLimit: number, maxLimit: number): ParseResult {
  const filters: AuditLogFilters = {};
  const passThrough: Array<[string, string]> = [];
  for (const [k, v] of params) if (k !== "offset") passThrough.push([k, v]);
  // Unknown parameters are ignored, as Asana does; an empty value counts as absent.
  const get = (name: string): string | undefined => {
    const v = params.get(name);
    return v === null || v === "" ? undefined : v;
  };

  for (const name of ["start_at", "end_at"] as const) {
    const raw = get(name);
    if (raw === undefined) continue;
    const t = parseDateTime(raw);
    if (Number.isNaN(t)) return { ok: false, message: MESSAGES.badDateTime(name, raw) };
    if (name === "start_at") filters.startAt = t;
    else filters.endAt = t;
  }

  const actorType = get("actor_type");
  const actorGid = get("actor_gid");
  if (actorType !== undefined) {
    if (!ACTOR_TYPES.includes(actorType as ActorType)) return { ok: false, message: MESSAGES.badActorType(actorType) };
    if (actorGid !== undefined) return { ok: false, message: MESSAGES.actorTypeWithGid };
    filters.actorType = actorType as ActorType;
  }
  if (actorGid !== undefined) {
    if (!GID.test(actorGid)) return { ok: false, message: MESSAGES.badGid("actor_gid", actorGid) };
    filters.actorGid = actorGid;
  }
  const resourceGid = get("resource_gid");
  if (resourceGid !== undefined) {
    if (!GID.test(resourceGid)) return { ok: false, message: MESSAGES.badGid("resource_gid", resourceGid) };
    filters.resourceGid = resourceGid;
  }
  const eventType = get("event_type");
  if (eventType !== undefined) filters.eventType = eventType;

  let limit = defaultLimit;
  const rawLimit = params.get("limit");
  if (rawLimit !== null) {
    const n = /^\s*\d+\s*$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > maxLimit) return { ok: false, message: MESSAGES.badLimit(rawLimit, maxLimit) };
    limit = n;
  }

  const offset = params.get("offset") ?? undefined;
  const pretty = (params.get("opt_pretty") ?? "").toLowerCase() === "true";
  return { ok: true, query: { filters, limit, offset: offset === "" ? undefined : offset, passThrough, pretty } };
}

/** Binds an offset to its workspace and filters: an offset is refused under any other filters. */
export function filterHash(workspaceGid: string, f: AuditLogFilters): string {
  const canonical = JSON.stringify([
    workspaceGid,
    f.startAt ?? null,
    f.endAt ?? null,
    f.eventType ?? null,
    f.actorType ?? null,
    f.actorGid ?? null,
    f.resourceGid ?? null,
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

export function hasFieldFilters(f: AuditLogFilters): boolean {
  return f.eventType !== undefined || f.actorType !== undefined || f.actorGid !== undefined || f.resourceGid !== undefined;
}
