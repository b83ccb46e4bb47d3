import { beforeAll, describe, expect, it } from "vitest";
import { GEO_FILES } from "@/lib/geo/databases";
import { loadLocator, type AddressLocation, type Locator } from "@/lib/geo/locate";
import { greatCircleKm } from "@/lib/geo/travel";
import { drawAddress, samplesOf, type Block } from "./addresses";
import { FAR_HOMES, FOREIGN_HOSTING, INTEGRATIONS, OKTA, PARTNER, SITES, STRANGERS, STRANGERS_V6 } from "./networks";
import { Rng } from "./random";

/**
 * The emulator's ranges as the shipped databases see them: each lies in the country the demo
 * says, a site's lie in its city (a commute must never look like a flight), and each is the
 * kind of network it stands for: a VPN's exit or a cloud is a hosting network, a home or an
 * office is not.
 */
const rng = new Rng().reset(19, 0, 6);
/** Its lowest, middle and highest hosts, and a few drawn as the emulator draws them. */
const addressesOf = (b: Block) => [...samplesOf(b), ...Array.from({ length: 12 }, () => drawAddress(b, rng))];

describe("the emulator's networks", { timeout: 120_000 }, () => {
  let locator: Locator;
  beforeAll(async () => void (locator = await loadLocator(GEO_FILES)));

  const placed = (b: Block): AddressLocation[] => addressesOf(b).map((ip) => locator.locate(ip));

  it.each(SITES.map((s) => [s.city, s] as const))("places %s's office, homes and VPN exits in its city", (_, site) => {
    const kinds: Array<[string, readonly Block[], boolean]> = [
      ["office", [site.office], false],
      ["home", site.homes, false],
      ["home (IPv6)", site.homesV6, false],
      ["vpn", site.vpn, true],
    ];
    for (const [kind, blocks, hosting] of kinds) {
      for (const b of blocks) {
        for (const where of placed(b)) {
          const what = `${site.city} ${kind} ${b.cidr}`;
          expect([where.country, where.hosting, where.asn === null], what).toEqual([site.country, hosting, false]);
          expect(greatCircleKm(site, { latitude: where.latitude!, longitude: where.longitude! }), what).toBeLessThan(40);
        }
      }
    }
  });

  it("places the clouds, the partner and every foreign range in their countries, on the networks they stand for", () => {
    const expectations: Array<[string, Block, string, boolean | null]> = [
      ["integrations", INTEGRATIONS, "US", true],
      ["Okta", OKTA, "US", true],
      ["partner", PARTNER.block, PARTNER.country, false],
      ...STRANGERS.map((f): [string, Block, string, null] => ["stranger", f.block, f.country, null]),
      ...STRANGERS_V6.map((f): [string, Block, string, null] => ["stranger", f.block, f.country, null]),
      ...FOREIGN_HOSTING.map((f): [string, Block, string, boolean] => ["foreign hosting", f.block, f.country, true]),
      ...FAR_HOMES.map((f): [string, Block, string, boolean] => ["far home", f.block, f.country, false]),
    ];
    for (const [kind, b, country, hosting] of expectations) {
      for (const where of placed(b)) {
        expect(where.country, `${kind} ${b.cidr}`).toBe(country);
        if (hosting !== null) expect(where.hosting, `${kind} ${b.cidr}`).toBe(hosting);
      }
    }
  });

  it("keeps foreign countries apart: an attacker's, a stolen password's and a far home's are never an office's or each other's", () => {
    const lists = [SITES.map((s) => s.country), [...STRANGERS, ...STRANGERS_V6].map((f) => f.country), FOREIGN_HOSTING.map((f) => f.country), FAR_HOMES.map((f) => f.country)];
    const all = lists.flatMap((l) => [...new Set(l)]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("addresses drawn from a range", () => {
  it("are the range's hosts (never an IPv4 network or broadcast address), in canonical text", () => {
    for (const b of [...SITES.flatMap((s) => [s.office, ...s.homes, ...s.homesV6]), ...STRANGERS_V6.map((f) => f.block)]) {
      for (const ip of addressesOf(b)) {
        const canonical = new URL(`http://${b.version === 6 ? `[${ip}]` : ip}/`).hostname;
        expect(canonical, b.cidr).toBe(b.version === 6 ? `[${ip}]` : ip);
        if (b.version === 4) {
          const n = ip.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
          expect(n > b.first && n < b.first + b.size - 1, `${ip} in ${b.cidr}`).toBe(true);
        }
      }
    }
  });
});
