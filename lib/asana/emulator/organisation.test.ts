import { describe, expect, it } from "vitest";
import { hostsOf } from "./addresses";
import { EVENT_TYPES } from "./event-types";
import { SITES } from "./networks";
import { generateOrganisation } from "./organisation";
import { validateEvent } from "./test-support";
import type { AuditLogEvent } from "./types";

const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const DAY = 86_400_000;

describe("generateOrganisation", () => {
  const org = generateOrganisation({ seed: 7, events: 12_000, now: NOW });
  const events = org.allEvents();

  it("is a pure function of the seed", () => {
    const again = generateOrganisation({ seed: 7, events: 12_000, now: NOW });
    for (const i of [0, 1, 999, 8_345, 11_999]) expect(again.eventAt(i)).toEqual(events[i]);
    const other = generateOrganisation({ seed: 8, events: 12_000, now: NOW });
    expect(other.eventAt(5)).not.toEqual(events[5]);
    expect(other.pools.users[0]!.name).not.toEqual(org.pools.users[0]!.name);
  });

  it("writes created_at as ISO 8601 with milliseconds and Z, non-decreasing, inside the last 90 days", () => {
    let prev = 0;
    const wrong: string[] = [];
    for (const e of events) {
      const t = Date.parse(e.created_at);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(e.created_at) || new Date(t).toISOString() !== e.created_at) {
        wrong.push(e.created_at);
      }
      if (t < prev) wrong.push(`${e.created_at} before an earlier event`);
      prev = t;
    }
    expect(wrong).toEqual([]);
    expect(Date.parse(events[0]!.created_at)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
    expect(prev).toBeLessThan(NOW);
  });

  it("gives every event a unique string gid and the shape of the OpenAPI schema", () => {
    expect(new Set(events.map((e) => e.gid)).size).toBe(events.length);
    const keys = ["gid", "created_at", "event_type", "event_category", "actor", "resource", "details", "context"].join();
    for (const e of events.slice(0, 4000)) {
      if (!validateEvent(e)) throw new Error(`${JSON.stringify(e)}: ${JSON.stringify(validateEvent.errors)}`);
      if (Object.keys(e).join() !== keys || !/^\d{16}$/.test(e.gid) || !/^\d+$/.test(e.resource.gid)) {
        throw new Error(`unexpected shape: ${JSON.stringify(e)}`);
      }
    }
  });

  it("uses all 109 event types with their categories and resource types", () => {
    const byType = new Map(EVENT_TYPES.map((t) => [t.event_type, t]));
    expect(byType.size).toBe(109);
    const seen = new Set(events.map((e) => e.event_type));
    expect(seen.size).toBe(109);
    const mismatched = events.filter((e) => {
      const t = byType.get(e.event_type)!;
      return e.event_category !== t.event_category || e.resource.resource_type !== t.resource_type;
    });
    expect(mismatched).toEqual([]);
    // Even a tiny organisation covers every type once.
    const tiny = generateOrganisation({ seed: 1, events: 300, now: NOW }).allEvents();
    expect(new Set(tiny.map((e) => e.event_type)).size).toBe(109);
  });

  it("has a realistic mix: about half sign-ins, one busy actor near 2%, admin work rare", () => {
    const share = (pred: (e: AuditLogEvent) => boolean) => events.filter(pred).length / events.length;
    expect(share((e) => e.event_category === "logins")).toBeGreaterThan(0.42);
    expect(share((e) => e.event_category === "logins")).toBeLessThan(0.58);
    expect(share((e) => e.event_category === "deletion")).toBeGreaterThan(0.1);
    expect(share((e) => e.event_category === "admin_settings")).toBeLessThan(0.01);
    expect(share((e) => e.event_category === "roles")).toBeLessThan(0.002);
    const perActor = new Map<string, number>();
    for (const e of events) if (e.actor.gid) perActor.set(e.actor.gid, (perActor.get(e.actor.gid) ?? 0) + 1);
    const top = [...perActor.entries()].sort((a, b) => b[1] - a[1]);
    expect(top[0]![0]).toBe(org.pools.busy.gid);
    expect(top[0]![1] / events.length).toBeGreaterThan(0.015);
    expect(top[0]![1] / events.length).toBeLessThan(0.03);
    expect(top[1]![1] / events.length).toBeLessThan(0.017);
    for (const t of ["user", "asana", "asana_support", "anonymous", "external_administrator"]) {
      expect(events.some((e) => e.actor.actor_type === t)).toBe(true);
    }
  });

  it("follows a working rhythm: weekdays busier than weekends, office hours than nights", () => {
    const perDay = new Map<string, number>();
    for (const e of events) perDay.set(e.created_at.slice(0, 10), (perDay.get(e.created_at.slice(0, 10)) ?? 0) + 1);
    let weekday = 0;
    let weekdays = 0;
    let weekend = 0;
    let weekends = 0;
    for (const [day, n] of perDay) {
      const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) {
        weekend += n;
        weekends++;
      } else {
        weekday += n;
        weekdays++;
      }
    }
    expect(weekday / weekdays).toBeGreaterThan((3 * weekend) / weekends);
    const hours = new Array(24).fill(0) as number[];
    for (const e of events) hours[new Date(e.created_at).getUTCHours()]!++;
    expect(Math.max(...hours)).toBeGreaterThan(4 * Math.min(...hours));
  });

  it("fills contexts and details the way Asana does", () => {
    const api = events.filter((e) => e.context.context_type === "api");
    expect(api.length).toBeGreaterThan(100);
    expect(api.filter((e) => e.context.api_authentication_method === undefined)).toEqual([]);
    const oauth = api.filter((e) => e.context.api_authentication_method === "oauth");
    expect(oauth.length).toBeGreaterThan(10);
    expect(oauth.filter((e) => !e.context.oauth_app_name)).toEqual([]);
    const misplaced = events.filter(
      (e) =>
        (e.context.context_type !== "api" && e.context.api_authentication_method !== undefined) ||
        (e.context.api_authentication_method !== "oauth" && e.context.oauth_app_name !== undefined),
    );
    expect(misplaced).toEqual([]);
    const ips = events.map((e) => e.context.client_ip_address).filter((ip): ip is string => !!ip);
    expect(ips.some((ip) => ip.includes(":"))).toBe(true);
    expect(ips.some((ip) => hostsOf(SITES[0]!.office).includes(ip))).toBe(true);
    expect(events.some((e) => e.context.user_agent?.includes("Chrome"))).toBe(true);
    expect(events.some((e) => e.context.client_ip_address === undefined)).toBe(true);

    const logins = events.filter((e) => e.event_type === "user_login_succeeded");
    expect(logins.filter((e) => typeof e.details.method !== "string")).toEqual([]);
    expect(logins.some((e) => "saml_response" in e.details)).toBe(true);
    const roles = events.filter((e) => e.event_type === "user_division_admin_role_changed");
    expect(roles.length).toBeGreaterThan(0);
    for (const e of roles) {
      expect(e.details.group).toMatchObject({ resource_type: "division" });
      expect(e.details.old_value).not.toBe(e.details.new_value);
    }
    const settings = events.filter((e) => e.event_type === "workspace_password_requirements_changed");
    for (const e of settings) expect(typeof e.details.new_value).toBe("string");
    const support = events.filter((e) => e.actor.actor_type === "asana_support");
    for (const e of support) expect(Number.isInteger(e.context.on_behalf_of_user_id)).toBe(true);
    expect(events.some((e) => e.resource.name === null)).toBe(true);
    expect(events.some((e) => e.resource.resource_subtype === "milestone")).toBe(true);
  });

  it("finds positions by time and agrees between skeleton and event", () => {
    const t = Date.parse(events[9_000]!.created_at);
    const i = org.indexAtOrAfter(t);
    expect(Date.parse(events[i]!.created_at)).toBeGreaterThanOrEqual(t);
    if (i > 0) expect(Date.parse(events[i - 1]!.created_at)).toBeLessThan(t);
    expect(org.indexAtOrAfter(NOW + DAY)).toBe(events.length);
    for (const k of [0, 17, 4242, 11_999]) {
      const sk = org.skeletonAt(k);
      const e = events[k]!;
      expect(EVENT_TYPES[sk.typeIdx]!.event_type).toBe(e.event_type);
      expect(sk.actorType).toBe(e.actor.actor_type);
      expect(String(sk.resourceGidNum)).toBe(e.resource.gid);
      expect(sk.actorGidNum === 0 ? undefined : String(sk.actorGidNum)).toBe(e.actor.gid);
    }
  });

  it("holds ten million events without materialising them", () => {
    const before = process.memoryUsage().heapUsed;
    const big = generateOrganisation({ seed: 3, events: 10_000_000, now: NOW });
    const last = big.eventAt(9_999_999);
    const first = big.eventAt(0);
    expect(Date.parse(last.created_at)).toBeLessThan(NOW);
    expect(Date.parse(first.created_at)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
    expect(Date.parse(big.eventAt(5_000_001).created_at)).toBeGreaterThanOrEqual(Date.parse(big.eventAt(5_000_000).created_at));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });
});
