import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { RawJson, type Emulator } from "@/lib/asana/emulator";
import { checkEvent } from "@/lib/asana/schemas";
import { db } from "@/lib/db/client";
import { expectRollupsExact } from "@/lib/testing/rollup-checks";
import { resetDatabase, runSync, startTestEmulator } from "@/lib/testing/sync-harness";

/**
 * The page writer against generated hostile records, end to end: the emulator serves each
 * record as generated text, the sync fetches and stores it. Whatever the records hold,
 * each is stored or quarantined with a reason; the stored set is the input minus the
 * quarantined; `raw` is the record's text byte for byte; an event whose strings PostgreSQL
 * could not hold says it was altered; the rollups still equal a count over the events.
 */
const NOW = new Date().toISOString();

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "Admin \u202eexe.txt", "__proto__", "constructor", "toString", "hasOwnProperty", "a\u200bb", "Z\u0334\u0322", "", "<script>alert(1)</script>") },
  { weight: 2, arbitrary: fc.array(fc.constantFrom("\ud800", "\udc00", "a", "\u0000", "\ud83d\ude00", "é"), { maxLength: 8 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 200_000 }).map((n) => "y".repeat(n)) },
);
const numberLiteral = fc.oneof(
  fc.constantFrom("1e999999", "-1e-99999", "123456789012345678901234567890", "0", "-0", "1E+2", "3.14", "1e5001", `0.${"3".repeat(6000)}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
const dateText = fc.constantFrom(NOW, "2099-12-31T23:59:59.000Z", "0001-01-01T00:00:00.000Z", "0000-06-15T12:00:00.000Z", "2026-01-02T03:04:05+23:30", "9999-12-31T23:59:59.999-14:00", "2026-02-30T00:00:00Z", "not a date");
const ipText = fc.constantFrom("10.0.0.1", "2001:db8::1", "fe80::1%eth0", "999.0.0.1", "", "1.2.3.4/24", "::ffff:1.2.3.4");
const depth = fc.constantFrom(1, 3, 600, 20_000);

interface Draft {
  gidSuffix: string;
  malformed: "none" | "no_gid" | "actor_string" | "bad_type";
  created: string;
  eventType: string;
  category: string;
  actorType: string;
  actorName: string;
  email: string;
  resourceName: string;
  ip: string;
  agent: string;
  detailKey: string;
  detailValue: string;
  number: string;
  nesting: number;
  indent: boolean;
}

const draft: fc.Arbitrary<Draft> = fc.record({
  gidSuffix: fc.oneof({ weight: 5, arbitrary: fc.constant("") }, { weight: 1, arbitrary: hostileString }),
  malformed: fc.constantFrom("none", "none", "none", "none", "none", "none", "no_gid", "actor_string", "bad_type"),
  created: dateText,
  eventType: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("user_login_succeeded", "task_deleted") }, { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0) }),
  category: hostileString,
  actorType: fc.oneof({ weight: 4, arbitrary: fc.constant("user") }, { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0) }),
  actorName: hostileString,
  email: hostileString,
  resourceName: hostileString,
  ip: ipText,
  agent: hostileString,
  detailKey: hostileString,
  detailValue: hostileString,
  number: numberLiteral,
  nesting: depth,
  indent: fc.boolean(),
});

/** The record's text: JSON.stringify for the strings, literal text where JSON.stringify cannot write it. */
function recordText(d: Draft, seq: number): string {
  const event: Record<string, unknown> = {
    gid: `${seq}-${d.gidSuffix}`,
    seq,
    created_at: d.created,
    event_type: d.eventType,
    event_category: d.category,
    actor: d.malformed === "actor_string" ? "user:1" : { actor_type: d.actorType, gid: String(1000 + (seq % 7)), name: d.actorName, email: d.email },
    resource: { resource_type: "task", gid: String(2000 + (seq % 5)), name: d.resourceName },
    context: { context_type: "web", client_ip_address: d.ip, user_agent: d.agent },
    details: { [d.detailKey]: d.detailValue, number: "\u0001NUMBER\u0001", nested: "\u0001NESTED\u0001" },
  };
  if (d.malformed === "no_gid") delete event.gid;
  if (d.malformed === "bad_type") event.event_type = 42;
  const nested = `${"[".repeat(d.nesting)}1${"]".repeat(d.nesting)}`;
  return JSON.stringify(event, null, d.indent ? 2 : undefined)
    .replace('"\\u0001NUMBER\\u0001"', d.number)
    .replace('"\\u0001NESTED\\u0001"', nested);
}

/** Whether any string or key in the value holds what PostgreSQL text cannot (walked without recursion). */
function holdsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  for (let steps = 0; stack.length > 0 && steps < 1_000_000; steps++) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (v.includes("\u0000") || !v.isWellFormed()) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") for (const [k, inner] of Object.entries(v)) stack.push(k, inner);
  }
  return false;
}

let emulator: Emulator | undefined;
let seq = 0;

afterEach(async () => {
  await emulator?.close();
});

describe("the page writer, given generated hostile records", () => {
  it("stores or quarantines each one with a reason, raw byte for byte, and keeps the rollups exact", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 40, maxLength: 80 }), async (drafts) => {
        await resetDatabase();
        await emulator?.close();
        emulator = await startTestEmulator({ seed: 97, events: 0, defaultLimit: 40 });
        const texts = drafts.map((d) => recordText(d, seq++));
        emulator.control.addEvents(texts.map((t) => new RawJson(t)), { storedAt: Date.now() });
        const result = await runSync(emulator);
        expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ status: "ran", outcome: "succeeded" });

        const stored = await db().$queryRaw<{ raw: string; alterations: unknown }[]>`SELECT raw, alterations FROM audit_event`;
        const quarantined = await db().$queryRaw<{ payload: string; reason: string }[]>`SELECT payload, reason FROM quarantined_event`;
        // Nothing lost, nothing twice, nothing changed in raw.
        const kept = [...stored.map((r) => r.raw), ...quarantined.map((q) => q.payload)];
        const missing = texts.filter((t) => !kept.includes(t));
        expect(missing.map((t) => t.slice(0, 300)), `${missing.length} records neither stored nor quarantined`).toEqual([]);
        expect(kept.length).toBe(texts.length);
        // Only records that are not events are kept aside, each with its reason.
        for (const q of quarantined) {
          expect(q.reason.length).toBeGreaterThan(0);
          expect(checkEvent(JSON.parse(q.payload)).ok, `${q.reason}: ${q.payload.slice(0, 300)}`).toBe(false);
        }
        for (const row of stored) {
          if (holdsUnstorableText(JSON.parse(row.raw))) expect(row.alterations, row.raw.slice(0, 200)).not.toBeNull();
        }
        if (stored.length > 0) await expectRollupsExact();
      }),
      { numRuns: 40, endOnFailure: true },
    );
    expect(seq).toBeGreaterThanOrEqual(1_600);
  }, 600_000);
});
