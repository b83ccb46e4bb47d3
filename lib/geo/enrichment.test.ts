import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { quietLogger, resetDatabase, runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { GEO_SOURCE } from "./databases";
import { locate } from "./locate";
import { forgetLocatedAddresses } from "./locate-page";
import { relocateStored } from "./relocate";

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await resetDatabase();
  await db().$executeRawUnsafe("TRUNCATE ip_location");
  forgetLocatedAddresses();
});

interface Row {
  ip: string;
  source: string;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  asn: number | null;
  as_org: string | null;
  hosting: boolean;
  version: string;
}

const rows = () =>
  db().$queryRaw<Row[]>`SELECT host(ip) AS ip, source, country, region, city, latitude, longitude, asn, as_org, hosting, xmin::text AS version FROM ip_location ORDER BY ip`;
const storedAddresses = async () =>
  (await db().$queryRaw<{ ip: string }[]>`SELECT DISTINCT host(client_ip) AS ip FROM audit_event WHERE client_ip IS NOT NULL ORDER BY 1`).map((r) => r.ip);
const forgetSyncPosition = () => db().$executeRawUnsafe("DELETE FROM workspace_sync_state");

/**
 * Documentation ranges (RFC 5737, RFC 3849): no real log holds them, nor does the emulator's
 * organisation, so some of its events are stored again from them, under gids of their own.
 */
const DOCUMENTATION = ["192.0.2.1", "192.0.2.77", "192.0.2.254", "198.51.100.9", "198.51.100.120", "203.0.113.5", "203.0.113.200", "2001:db8::1", "2001:db8:85a3::8a2e:370:7334", "2001:db8:ffff::2"];

function addFromDocumentationRanges(emulator: Emulator): void {
  const withAddress = emulator.organisation.allEvents().filter((e) => e.context.client_ip_address);
  const copies = DOCUMENTATION.map((ip, k) => {
    const e = withAddress[k * 97]!;
    return { ...e, gid: String(7_700_000_000_000_000 + k), context: { ...e.context, client_ip_address: ip } };
  });
  emulator.control.addEvents(copies);
}

/** Every stored address has exactly its row, under the current source, saying what locate() says. */
async function expectEveryAddressLocated(): Promise<Row[]> {
  const located = await rows();
  expect(located.map((r) => r.ip)).toEqual(await storedAddresses());
  for (const row of located) {
    const { country, region, city, latitude, longitude, asn, asOrg, hosting } = await locate(row.ip);
    expect(row, row.ip).toMatchObject({ source: GEO_SOURCE, country, region, city, latitude, longitude, asn, as_org: asOrg, hosting });
  }
  return located;
}

describe("where the synced events' client addresses are", { timeout: 180_000 }, () => {
  it("is stored for every distinct address once the sync has run, public ones located and documentation ranges unknown", async () => {
    emulator = await startTestEmulator({ seed: 71, events: 3_000, defaultLimit: 250 });
    addFromDocumentationRanges(emulator);
    expect(await runSync(emulator)).toMatchObject({ status: "ran", outcome: "succeeded" });
    const located = await expectEveryAddressLocated();
    expect(located.length).toBeGreaterThan(100);
    expect(located.filter((r) => r.country !== null).length).toBeGreaterThan(50);
    expect(located.filter((r) => r.asn !== null).length).toBeGreaterThan(50);
    const documentation = located.filter((r) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.|^2001:db8:/.test(r.ip));
    expect(documentation.map((r) => r.ip).sort()).toEqual([...DOCUMENTATION].sort());
    for (const row of documentation) expect(row, row.ip).toMatchObject({ country: null, city: null, asn: null, latitude: null, hosting: false });
  });

  it("writes nothing when pages are stored again, even by a process that has forgotten what it located", async () => {
    emulator = await startTestEmulator({ seed: 72, events: 2_000, defaultLimit: 200 });
    await runSync(emulator);
    const before = await rows();
    // Half the events go, so the replay stores them again and hands their addresses over anew.
    await db().$executeRawUnsafe("DELETE FROM audit_event WHERE right(gid, 1) IN ('0', '2', '4', '6', '8')");
    await forgetSyncPosition();
    forgetLocatedAddresses();
    const again = await runSync(emulator);
    expect(again).toMatchObject({ outcome: "succeeded" });
    expect(again.status === "ran" && again.figures.eventsNew).toBeGreaterThan(500);
    // Same rows, same row versions: not one was updated.
    expect(await rows()).toEqual(before);
  });

  it("looks rows of an older source up again, and locates addresses stored before enrichment", async () => {
    emulator = await startTestEmulator({ seed: 73, events: 2_500, defaultLimit: 250 });
    await runSync(emulator);
    const all = await rows();
    await db().$executeRawUnsafe(`UPDATE ip_location SET source = 'dbip-city-mmdb@1 asn@1 hosting@00000000', country = NULL, city = NULL, asn = NULL, hosting = false WHERE ip < '90.0.0.0'`);
    await db().$executeRawUnsafe(`DELETE FROM ip_location WHERE ip >= '150.0.0.0'`);
    const stale = (await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ip_location WHERE source <> ${GEO_SOURCE}`)[0]!.n;
    const remaining = (await rows()).length;
    expect(stale).toBeGreaterThan(10n);
    expect(remaining).toBeLessThan(all.length);

    const outcome = await relocateStored(quietLogger, new AbortController().signal);
    expect(outcome).toEqual({ relocated: Number(stale), located: all.length - remaining });
    await expectEveryAddressLocated();
    expect(await relocateStored(quietLogger, new AbortController().signal)).toEqual({ relocated: 0, located: 0 });
  });

  it("replaces a row of an older source when the sync sees its address again", async () => {
    emulator = await startTestEmulator({ seed: 74, events: 1_500, defaultLimit: 250 });
    await runSync(emulator);
    await db().$executeRawUnsafe(`UPDATE ip_location SET source = 'old', country = NULL, asn = NULL`);
    await db().$executeRawUnsafe("TRUNCATE audit_event CASCADE");
    await forgetSyncPosition();
    forgetLocatedAddresses();
    await runSync(emulator);
    await expectEveryAddressLocated();
  });
});
