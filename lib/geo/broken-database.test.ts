import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { quietLogger, runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { GEO_FILES } from "./databases";
import { loadLocator, locate, setGeoFiles, UNKNOWN_LOCATION } from "./locate";
import { relocateStored } from "./relocate";

/** Its own file: the shared locator, once it has failed, stays failed for the process. */
let dir: string;
let emulator: Emulator | undefined;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), "geo-broken-"))));
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a location database that is missing or damaged", { timeout: 180_000 }, () => {
  it("fails to load with a reason, whichever file it is", async () => {
    const garbage = path.join(dir, "garbage.mmdb");
    await writeFile(garbage, randomBytes(4_096));
    await expect(loadLocator({ ...GEO_FILES, cityV4: garbage })).rejects.toThrow();
    await expect(loadLocator({ ...GEO_FILES, cityV6: path.join(dir, "missing.mmdb") })).rejects.toThrow(/ENOENT/);
    // The IPv6 file where the IPv4 one belongs.
    await expect(loadLocator({ ...GEO_FILES, cityV4: GEO_FILES.cityV6 })).rejects.toThrow(/not an IPv4 city database/);
    await expect(loadLocator({ ...GEO_FILES, asnV4: garbage })).rejects.toThrow(/no usable row/);
  });

  it("answers unknown rather than throwing where its search tree is damaged", async () => {
    const damaged = path.join(dir, "damaged-ipv4.mmdb");
    await copyFile(GEO_FILES.cityV4, damaged);
    const file = await open(damaged, "r+");
    await file.write(randomBytes(8 << 20), 0, 8 << 20, 1 << 20);
    await file.close();
    const locator = await loadLocator({ ...GEO_FILES, cityV4: damaged });
    for (let i = 0; i < 2_000; i++) {
      const ip = `${1 + (i % 223)}.${(i * 7) % 256}.${(i * 13) % 256}.${i % 256}`;
      const location = locator.locate(ip);
      expect(location.country === null || /^[A-Z]{2}$/.test(location.country), ip).toBe(true);
    }
  });

  it("leaves the sync working and storing events, with no location, until the databases are back", async () => {
    const garbage = path.join(dir, "garbage-city.mmdb");
    await writeFile(garbage, randomBytes(4_096));
    setGeoFiles({ ...GEO_FILES, cityV4: garbage });
    emulator = await startTestEmulator({ seed: 75, events: 1_500, defaultLimit: 250 });
    expect(await runSync(emulator)).toMatchObject({ status: "ran", outcome: "succeeded", figures: { eventsNew: 1_500 } });
    expect(await db().ipLocation.count()).toBe(0);
    expect(await locate("8.8.8.8")).toBe(UNKNOWN_LOCATION);

    // The next start, with the files back: its background pass locates what the sync stored.
    setGeoFiles(GEO_FILES);
    const outcome = await relocateStored(quietLogger, new AbortController().signal);
    const addresses = await db().$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT client_ip) AS n FROM audit_event`;
    expect(outcome).toEqual({ relocated: 0, located: Number(addresses[0]!.n) });
    expect(await db().ipLocation.count()).toBe(Number(addresses[0]!.n));
  });
});
