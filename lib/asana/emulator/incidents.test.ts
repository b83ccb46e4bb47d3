import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./event-types";
import { CHANGES } from "./incident-changes";
import { BLOCK } from "./live-incidents";
import { generateOrganisation } from "./organisation";
import { GID_BASE } from "./pools";
import { validateEvent } from "./test-support";
import type { AuditLogEvent } from "./types";

const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const DAY = 86_400_000;
const MINUTE = 60_000;

describe("incidents of the synthetic organisation", () => {
  // Demo mode's organisation, as lib/asana/demo.ts builds it by default.
  const org = generateOrganisation({ seed: 42, events: 100_000, days: 90, now: NOW });
  const events = org.allEvents();
  const at = (e: AuditLogEvent) => Date.parse(e.created_at);

  it("plants a few of every kind, spread over the span, as a small share of the events", () => {
    const kinds = new Map<string, number[]>();
    for (const i of org.incidents) kinds.set(i.kind, [...(kinds.get(i.kind) ?? []), i.at]);
    expect([...kinds.keys()].sort()).toEqual(["brute_force", "consent_phishing", "flight", "foreign_sign_in", "impossible_trip", "leaver", "mass_deletion", "mass_export", "password_spray", ...Object.keys(CHANGES)].sort());
    for (const [kind, times] of kinds) {
      expect(times.length, kind).toBeGreaterThanOrEqual(kind === "mass_export" ? 1 : 2);
      expect(new Set(times.map((t) => Math.floor(t / DAY))).size, kind).toBe(times.length);
      for (const t of times) expect(t).toBeGreaterThan(org.startMs + DAY);
    }
    const planted = org.incidents.reduce((n, i) => n + i.events, 0);
    expect(planted / org.size).toBeLessThan(0.01);
  });

  it("is the same for the same seed, and keeps Asana's contract: schema, time order, unique gids", () => {
    const again = generateOrganisation({ seed: 42, events: 100_000, days: 90, now: NOW });
    expect(again.incidents).toEqual(org.incidents);
    for (const i of [0, 31_337, 99_999]) expect(again.eventAt(i)).toEqual(events[i]);
    expect(new Set(events.map((e) => e.gid)).size).toBe(events.length);
    for (let i = 1; i < events.length; i++) if (at(events[i]!) < at(events[i - 1]!)) throw new Error(`event ${i} before ${i - 1}`);
    const failures = events.filter((e, i) => !validateEvent(e) || at(e) !== org.createdAtMs(i));
    expect(failures).toEqual([]);
    const t = at(events[54_321]!);
    expect(at(events[org.indexAtOrAfter(t)]!)).toBe(t);
    expect(at(events[org.indexAtOrAfter(t) - 1]!)).toBeLessThan(t);
  });

  it("agrees between skeleton and event for planted and ordinary events alike", () => {
    for (let i = 0; i < events.length; i += 7) {
      const sk = org.skeletonAt(i);
      const e = events[i]!;
      expect([EVENT_TYPES[sk.typeIdx]!.event_type, sk.actorType, String(sk.resourceGidNum), sk.actorGidNum ? String(sk.actorGidNum) : undefined]).toEqual([e.event_type, e.actor.actor_type, e.resource.gid, e.actor.gid]);
    }
  });

  it("has the burst of each attack within the window a detection looks at", () => {
    const failedBy = new Map<string, number[]>();
    for (const e of events) if (e.event_type === "user_login_failed" && e.context.client_ip_address) failedBy.set(e.context.client_ip_address, [...(failedBy.get(e.context.client_ip_address) ?? []), at(e)]);
    const bursts = [...failedBy.values()].filter((ts) => ts.some((t, k) => k >= 19 && t - ts[k - 19]! < 60 * MINUTE));
    expect(bursts.length).toBe(org.incidents.filter((i) => i.kind === "brute_force" || i.kind === "password_spray").length);
    const deletedBy = new Map<string, number[]>();
    for (const e of events) if (e.event_category === "deletion" && !e.event_type.endsWith("_undeleted")) deletedBy.set(e.actor.gid ?? "", [...(deletedBy.get(e.actor.gid ?? "") ?? []), at(e)]);
    expect([...deletedBy.values()].filter((ts) => ts.some((t, k) => k >= 49 && t - ts[k - 49]! < 10 * MINUTE)).length).toBe(org.incidents.filter((i) => i.kind === "mass_deletion").length);
  });

  it("removes people who leave: they act no more, but for their token's next calls; routine removals are of former members", () => {
    const removals = events.filter((e) => e.event_type === "user_deprovisioned");
    const leavers = removals.filter((e) => Number(e.resource.gid) < GID_BASE.former_user);
    expect(leavers.length).toBe(org.incidents.filter((i) => i.kind === "leaver").length);
    for (const removal of leavers) {
      const after = events.filter((e) => e.actor.gid === removal.resource.gid && at(e) > at(removal));
      expect(after.length).toBeGreaterThanOrEqual(2);
      expect(after.length).toBeLessThanOrEqual(5);
      for (const e of after) expect([e.context.api_authentication_method, at(e) - at(removal) < 3 * 60 * MINUTE]).toEqual(["personal_access_token", true]);
    }
    const former = removals.filter((e) => Number(e.resource.gid) >= GID_BASE.former_user);
    expect(former.length).toBeGreaterThan(100);
    const actors = new Set(events.map((e) => e.actor.gid));
    expect(former.filter((e) => actors.has(e.resource.gid) || !e.resource.email?.endsWith(org.pools.workspace.domain))).toEqual([]);
  });

  it("stays out of small organisations, which tests use", () => {
    expect(generateOrganisation({ seed: 42, events: 12_000, now: NOW }).incidents).toEqual([]);
    expect(() => generateOrganisation({ seed: 42, events: 5_000, now: NOW, incidents: true })).toThrow(RangeError);
    const small = generateOrganisation({ seed: 42, events: 1_000, now: NOW });
    expect(Array.from({ length: 3 * BLOCK }, (_, k) => small.liveIncidentAt(small.size + k)).filter(Boolean)).toEqual([]);
  });

  it("puts one small incident in every block of live events, the same for the same position", () => {
    const from = org.size;
    const kinds = Array.from({ length: 20 * BLOCK }, (_, k) => org.liveIncidentAt(from + k));
    const starts = kinds.flatMap((kind, k) => (kind && !kinds[k - 1] ? [k] : []));
    expect(starts.length).toBeGreaterThanOrEqual(19);
    expect(starts.length).toBeLessThanOrEqual(21);
    expect(new Set(kinds.filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    const k = starts.find((s) => kinds[s] === "brute_force")!;
    const burst = Array.from({ length: 30 }, (_, n) => org.extraEvent(from + k + n, NOW + n * 2000)).filter((_, n) => kinds[k + n]);
    expect(burst.slice(0, -1).every((e) => e.event_type === "user_login_failed" && e.actor.gid === burst[0]!.actor.gid)).toBe(true);
    expect(burst.length).toBeGreaterThan(20);
    expect(burst.at(-1)).toMatchObject({ event_type: "user_login_succeeded", context: { client_ip_address: burst[0]!.context.client_ip_address } });
    for (const e of burst) {
      const sk = org.extraSkeletonAt(from + k + burst.indexOf(e));
      expect([EVENT_TYPES[sk.typeIdx]!.event_type, String(sk.actorGidNum)]).toEqual([e.event_type, e.actor.gid]);
      expect(validateEvent(e)).toBe(true);
    }
    expect(org.extraEvent(from + k, NOW)).toEqual(generateOrganisation({ seed: 42, events: 100_000, days: 90, now: NOW }).extraEvent(from + k, NOW));
  });
});
