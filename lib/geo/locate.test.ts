import { beforeAll, describe, expect, it } from "vitest";
import { GEO_FILES, GEO_SOURCE } from "./databases";
import { loadLocator, locate, UNKNOWN_LOCATION, type Locator } from "./locate";

/**
 * What the shipped databases (DB-IP Lite City 2.3.2026060513, @ip-location-db/asn
 * 2.3.2026061719) say of well-known servers on every continent, read from them and pinned:
 * a package update that moves one is a change to look at, not noise.
 */
const KNOWN: Array<[ip: string, country: string, city: string, asn: number, hosting: boolean]> = [
  // North America
  ["8.8.8.8", "US", "Mountain View", 15169, true],
  ["2600:1f18::1", "US", "Ashburn", 14618, true],
  ["2001:4860:4860::8888", "CA", "Montreal", 15169, true],
  // Europe: RIPE NCC's servers, Google in Frankfurt
  ["193.0.6.139", "NL", "Amsterdam (Amsterdam-Centrum)", 3333, false],
  ["2001:67c:2e8:22::c100:68b", "NL", "Amsterdam", 3333, false],
  ["2a00:1450:4001:80b::200e", "DE", "Frankfurt am Main", 15169, true],
  // Asia: a root server at WIDE, CERNET2
  ["202.12.27.33", "JP", "Fujisawa (Endo)", 7500, false],
  ["2001:da8::1", "CN", "Haidian (Haidian Qu)", 23910, false],
  // Oceania: APNIC's servers, Cloudflare's resolver
  ["202.12.29.205", "AU", "Brisbane", 4608, false],
  ["2001:dd8:8:701::2", "AU", "South Brisbane", 4608, false],
  ["1.1.1.1", "AU", "Sydney", 13335, true],
  // South America: LACNIC's and NIC.br's servers
  ["200.3.14.10", "BR", "Sao Paulo", 28001, false],
  ["2001:13c7:7001:110::10", "UY", "Montevideo", 7777, false],
  ["2001:12ff::8", "BR", "Sao Paulo", 22548, false],
  // Africa: AFRINIC's servers, Facebook in Nairobi
  ["196.216.2.6", "ZA", "Johannesburg", 33764, false],
  ["2001:42d0:0:200::6", "ZA", "Kempton Park (Isando)", 33764, false],
  ["102.132.96.35", "KE", "Nairobi", 32934, false],
];

describe("locating an address in the shipped databases", { timeout: 120_000 }, () => {
  let locator: Locator;
  beforeAll(async () => void (locator = await loadLocator(GEO_FILES)));

  it("names both packages' versions and the hosting list in the source", () => {
    expect(GEO_SOURCE).toMatch(/^dbip-city-mmdb@2\.3\.2026060513 asn@2\.3\.2026061719 hosting@[0-9a-f]{8}$/);
  });

  it("finds well-known servers on every continent, over IPv4 and IPv6", async () => {
    expect(locator.locate("8.8.8.8")).toEqual({ country: "US", region: "California", city: "Mountain View", latitude: 37.422, longitude: -122.085, asn: 15169, asOrg: "Google LLC", hosting: true });
    expect(locator.locate("196.216.2.6")).toEqual({
      country: "ZA", region: "Gauteng", city: "Johannesburg", latitude: -26.2056, longitude: 28.0337, asn: 33764, asOrg: "African Network Information Center - ( AfriNIC Ltd. )", hosting: false,
    });
    for (const [ip, country, city, asn, hosting] of KNOWN) {
      expect(locator.locate(ip), ip).toMatchObject({ country, city, asn, hosting });
    }
    // Behind a dual-stack socket an IPv4 client is where its IPv4 address is.
    expect(locator.locate("::ffff:8.8.8.8")).toEqual(locator.locate("8.8.8.8"));
  });

  it("answers unknown for private, shared, documentation and other special ranges without asking, and for hostile text", async () => {
    for (const ip of ["10.1.2.3", "172.20.0.1", "192.168.0.1", "100.64.1.1", "127.0.0.1", "169.254.0.1", "224.0.0.251", "240.1.2.3", "192.0.2.10", "198.51.100.7", "203.0.113.200", "::1", "fe80::1", "fd00::1", "2001:db8:8000::1", "ff02::1", "::ffff:192.168.1.1"]) {
      expect(locator.locate(ip), ip).toBe(UNKNOWN_LOCATION);
    }
    for (const text of ["", "__proto__", "constructor", "8.8.8.8 ", "8.8.8.8%eth0", "x".repeat(200_000), "\u202e8.8.8.8"]) expect(locator.locate(text)).toBe(UNKNOWN_LOCATION);
    expect(locator.locate(42 as unknown as string)).toBe(UNKNOWN_LOCATION);
  });

  it("keeps the shared locator's answers equal to a locator of its own", async () => {
    for (const [ip] of KNOWN) expect(await locate(ip)).toEqual(locator.locate(ip));
    expect(await locate("2001:db8::1")).toBe(UNKNOWN_LOCATION);
  });
});
