import { describe, expect, it } from "vitest";
import { GEO_FILES } from "./databases";
import { HOSTING_NETWORKS, hostingProvider } from "./hosting";
import { readLines } from "./read-lines";

/** Every ASN the shipped table routes, with the organisation it names. */
async function routedAsns(): Promise<Map<number, string>> {
  const asns = new Map<number, string>();
  for (const file of [GEO_FILES.asnV4, GEO_FILES.asnV6]) {
    await readLines(file, { maxLine: 1_024, maxLines: 2_000_000 }, (bytes, start, end) => {
      const [, , asn, ...org] = bytes.toString("utf8", start, end).split(",");
      asns.set(Number(asn), org.join(","));
    });
  }
  return asns;
}

describe("hosting providers' networks", () => {
  it("lists each ASN once, and only ASNs the shipped table routes", { timeout: 120_000 }, async () => {
    const listed = HOSTING_NETWORKS.map(([asn]) => asn);
    expect(new Set(listed).size).toBe(listed.length);
    const routed = await routedAsns();
    const unrouted = listed.filter((asn) => !routed.has(asn));
    expect(unrouted).toEqual([]);
    // Spot checks that the numbers are the providers' and not a neighbour's.
    expect(routed.get(16509)).toMatch(/Amazon/);
    expect(routed.get(20473)).toMatch(/Constant Company/); // Vultr
    expect(routed.get(63949)).toMatch(/Akamai|Linode/);
    expect(routed.get(9009)).toMatch(/M247/);
  });

  it("names the provider of a listed network and nobody for another", () => {
    expect(hostingProvider(16509)).toBe("Amazon Web Services");
    expect(hostingProvider(24940)).toBe("Hetzner");
    expect(hostingProvider(3320)).toBeNull(); // Deutsche Telekom: homes and offices
    expect(hostingProvider(null)).toBeNull();
  });
});
