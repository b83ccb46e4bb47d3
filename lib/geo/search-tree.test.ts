import fc from "fast-check";
import { readFile } from "node:fs/promises";
import { Reader, type Response } from "maxmind";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAddress } from "./address";
import { GEO_FILES } from "./databases";
import { loadLocator, type Locator } from "./locate";
import { searchTree } from "./search-tree";

/**
 * The locator walks the city databases' search trees itself and caches each record by its
 * pointer: it must answer what maxmind's own lookup answers, address by address.
 */
const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

describe("the city databases' search tree, walked by the locator", { timeout: 120_000 }, () => {
  let locator: Locator;
  let v4: Reader<Response>;
  let v6: Reader<Response>;
  beforeAll(async () => {
    [locator, v4, v6] = await Promise.all([loadLocator(GEO_FILES), readFile(GEO_FILES.cityV4).then((b) => new Reader<Response>(b)), readFile(GEO_FILES.cityV6).then((b) => new Reader<Response>(b))]);
  });

  const sameAsMaxmind = (text: string) => {
    const address = parseAddress(text);
    if (!address || address.special) return;
    const record = (address.lookup.version === 4 ? v4 : v6).get(address.lookup.text) as Record<string, unknown> | null;
    const found = locator.locateAddress(address);
    expect(found.country, text).toBe(typeof record?.country_code === "string" ? record.country_code : null);
    expect(found.city, text).toBe(typeof record?.city === "string" && record.city !== "" ? record.city : null);
  };

  it("finds the record maxmind finds for any IPv4 address", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => sameAsMaxmind(dotted(n))), { numRuns: 20_000, seed: 19 });
  });

  it("finds the record maxmind finds for any global IPv6 address, and IPv4 behind ::ffff:", () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const global = fc.tuple(fc.integer({ min: 0x2000, max: 0x3fff }), fc.array(group, { minLength: 7, maxLength: 7 }));
    fc.assert(fc.property(global, ([first, rest]) => sameAsMaxmind([first, ...rest].map((g) => g.toString(16)).join(":"))), { numRuns: 20_000, seed: 19 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => sameAsMaxmind(`::ffff:${dotted(n)}`)), { numRuns: 2_000, seed: 19 });
  });

  it("reads a truncated tree as listing nothing past its end, without throwing", async () => {
    const bytes = await readFile(GEO_FILES.cityV4);
    const tree = searchTree(bytes.subarray(0, 7 * 1_000), v4.metadata);
    for (let i = 0; i < 5_000; i++) {
      const pointer = tree.v4(Math.imul(i, 2_654_435_761) >>> 0);
      expect(pointer === 0 || pointer > v4.metadata.nodeCount).toBe(true);
    }
    expect(tree.v6(new Uint16Array(8))).toBe(0);
    expect(() => searchTree(bytes, { ...v4.metadata, recordSize: 20 })).toThrow(/record size/);
  });
});
