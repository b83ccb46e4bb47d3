import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db, dbPool } from "@/lib/db/client";
import { addressesLocated } from "@/lib/geo/locate-page";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { judgeEvents, prepareRules } from "./judge";
import { compileFilter } from "./rule-sql";
import { eventFactory, personGid } from "./test-scenarios";

/**
 * A rule's filter is the explorer's query text, compiled by the same code: a location
 * condition matches by the event's address's ip_location row when the rule judges it.
 */
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 191, events: 300 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

const ADDRESSES = { home: "100.64.19.1", cloud: "100.64.19.2", abroad: "100.64.19.3" } as const;

describe("a rule on where an event came from", () => {
  it("compiles country:XX and matches the events whose address is there, and no other", async () => {
    const query = "type:user_login_succeeded country:NZ -hosting:true";
    expect(compileFilter(query, [], new Date())).toMatchObject({ ok: true });

    const make = eventFactory(emulator);
    const actor = { gid: personGid() };
    const events = Object.values(ADDRESSES).map((ip, i) => make({ type: "user_login_succeeded", at: new Date(Date.now() - (10 - i) * 60_000), actor, ip }));
    emulator.control.addEvents(events, { storedAt: Date.now() });
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    await addressesLocated();
    // Where the addresses are, whatever an enrichment said of these shared-space addresses.
    await db().$executeRaw`
      INSERT INTO ip_location (ip, source, country, asn, as_org, hosting) VALUES
        (${ADDRESSES.home}::inet, 'test', 'NZ', 9790, 'One New Zealand', false),
        (${ADDRESSES.cloud}::inet, 'test', 'NZ', 16509, 'Amazon.com, Inc.', true),
        (${ADDRESSES.abroad}::inet, 'test', 'AU', 1221, 'Telstra', false)
      ON CONFLICT (ip) DO UPDATE SET country = EXCLUDED.country, asn = EXCLUDED.asn, as_org = EXCLUDED.as_org, hosting = EXCLUDED.hosting`;
    await db().detectionRule.create({
      data: { id: "t.nz", name: "Sign-in from New Zealand", query, severity: "medium", dedupSeconds: 3_600, condition: "match", settings: { groupBy: "ip" }, detailsMatch: [] },
    });

    const client = await dbPool().connect();
    try {
      await client.query("BEGIN");
      const opened = await judgeEvents(client, events.map((e) => e.gid as string), await prepareRules(new Date(), ["t.nz"]));
      await client.query("COMMIT");
      expect(opened).toHaveLength(1);
    } finally {
      client.release();
    }
    const alerts = await db().alert.findMany({ where: { ruleId: "t.nz" }, include: { events: true } });
    expect(alerts.map((a) => ({ key: a.dedupKey, events: a.events.map((e) => e.eventGid) }))).toEqual([{ key: ADDRESSES.home, events: [events[0]!.gid] }]);
  });
});
