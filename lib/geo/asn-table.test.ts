import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAddress } from "./address";
import { loadAsnTable } from "./asn-table";
import { cleanName } from "./clean-text";

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), "asn-table-"))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function table(v4: string, v6: string) {
  await writeFile(path.join(dir, "v4.csv"), v4);
  await writeFile(path.join(dir, "v6.csv"), v6);
  return loadAsnTable(path.join(dir, "v4.csv"), path.join(dir, "v6.csv"));
}

const v4 = (ip: string) => {
  const a = parseAddress(ip)!.lookup;
  return a.version === 4 ? a.value : NaN;
};
const v6 = (ip: string) => {
  const a = parseAddress(ip)!.lookup;
  if (a.version !== 6) throw new Error(ip);
  return a.words;
};

const V6_ROW = "42541956101370907050197289607612071936,42541956180599069564461627201156022271,15169,Google LLC\n"; // 2001:4860::/32

describe("the ASN table", () => {
  it("finds the range holding an address, inclusive at both ends, over IPv4 and IPv6", async () => {
    const t = await table('16777216,16777471,13335,"Cloudflare, Inc."\r\n16777472,16777727,38803,Gtelecom Pty Ltd\n', V6_ROW);
    expect(t.v4(v4("1.0.0.0"))).toEqual({ asn: 13335, org: "Cloudflare, Inc." });
    expect(t.v4(v4("1.0.0.255"))).toEqual({ asn: 13335, org: "Cloudflare, Inc." });
    expect(t.v4(v4("1.0.1.0"))).toEqual({ asn: 38803, org: "Gtelecom Pty Ltd" });
    expect(t.v4(v4("1.0.2.0"))).toBeNull();
    expect(t.v4(v4("0.255.255.255"))).toBeNull();
    expect(t.v6(v6("2001:4860::"))).toEqual({ asn: 15169, org: "Google LLC" });
    expect(t.v6(v6("2001:4860:ffff:ffff:ffff:ffff:ffff:ffff"))).toEqual({ asn: 15169, org: "Google LLC" });
    expect(t.v6(v6("2001:4861::"))).toBeNull();
    expect(t.v6(v6("2001:485f:ffff:ffff:ffff:ffff:ffff:ffff"))).toBeNull();
  });

  it("skips rows that do not parse, go backwards or name no usable ASN, and clips overlaps", async () => {
    const rows = [
      "100,199,1,First",
      "150,250,2,Overlapping", // 150–199 stays First's
      "120,130,3,Backwards",
      "300,399,0,AS zero",
      "400,499,4294967294,AS4294967294", // private use, past ip_location.asn's int
      "500,599,5",
      "6e2,700,6,Exponent",
      " 800,899,7,Space",
      "0x3e8,1100,8,Hex",
      "1200,1100,9,Reversed",
      "4294967296,4294967297,10,Past IPv4",
      `1300,1399,11,${"x".repeat(2_000)}`, // over-long line
      '1400,1499,12,"LLC ""SPUTNIK"""',
      "1500,1599,13,AS13",
      "1600,1699,__proto__,Proto",
      "1700,1799,14,__proto__",
      "1800,1899,15,Evil\u0000\u202eName\u0007",
    ].join("\n");
    const t = await table(rows, V6_ROW);
    expect(t.v4(175)).toEqual({ asn: 1, org: "First" });
    expect(t.v4(225)).toEqual({ asn: 2, org: "Overlapping" });
    for (const ip of [350, 450, 550, 650, 850, 1050, 1150, 1350, 1650]) expect(t.v4(ip), String(ip)).toBeNull();
    expect(t.v4(1450)).toEqual({ asn: 12, org: 'LLC "SPUTNIK"' });
    expect(t.v4(1550)).toEqual({ asn: 13, org: null });
    expect(t.v4(1750)).toEqual({ asn: 14, org: "__proto__" });
    expect(t.v4(1850)).toEqual({ asn: 15, org: "EvilName" });
    expect(t.skipped).toBe(11);
  });

  it("reads a file without newlines as one over-long row, and refuses a table with no usable row", async () => {
    await expect(table("9".repeat(5_000_000), V6_ROW)).rejects.toThrow(/no usable row/);
    await expect(loadAsnTable(path.join(dir, "missing.csv"), path.join(dir, "v6.csv"))).rejects.toThrow(/ENOENT/);
  });
});

describe("names from the location databases", () => {
  it("lose control and bidi characters, are cut to length and never end on half a character", () => {
    expect(cleanName("São\u0000 Paulo\u202e\n", 100)).toBe("São Paulo");
    expect(cleanName("  Zürich  ", 100)).toBe("Zürich");
    expect(cleanName("x".repeat(200_000), 100)).toBe("x".repeat(100));
    expect(cleanName(`${"a".repeat(99)}😀`, 100)).toBe("a".repeat(99));
    expect(cleanName("\ud800lone", 100)).toBe("\ufffdlone");
    expect(cleanName("\u0007\u0000", 100)).toBeNull();
    expect(cleanName(42, 100)).toBeNull();
    expect(cleanName("Tehran\u200cpars", 100)).toBe("Tehran\u200cpars"); // a zero-width non-joiner belongs to Persian names
  });
});

describe("the ASN table's IPv4 lookup through its /16 index", () => {
  it("finds what a scan of every row finds, for ranges within, across and over many /16s", async () => {
    let state = 11;
    const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
    // Sorted, disjoint ranges with gaps: tiny ones, ones crossing a /16 boundary, ones spanning thousands of /16s.
    const rows: Array<[number, number, number]> = [];
    let at = 5;
    while (rows.length < 3_000 && at < 2 ** 32 - 2) {
      const kind = next() % 3;
      const length = kind === 0 ? 1 + (next() % 256) : kind === 1 ? 1 + (next() % 200_000) : 1 + (next() % 2 ** 26);
      const end = Math.min(2 ** 32 - 1, at + length - 1);
      rows.push([at, end, 1 + rows.length]);
      at = end + 1 + (next() % 3 === 0 ? 0 : next() % 100_000);
    }
    const t = await table(rows.map(([s, e, n]) => `${s},${e},${n},Org ${n}\n`).join(""), V6_ROW);
    const scan = (value: number) => rows.find(([s, e]) => s <= value && value <= e)?.[2] ?? null;
    const probes = rows.flatMap(([s, e]) => [s, e, s - 1, e + 1, (s + e) >>> 1]).concat(Array.from({ length: 5_000 }, next), [0, 2 ** 32 - 1]);
    for (const value of probes.filter((v) => v >= 0 && v < 2 ** 32)) expect(t.v4(value)?.asn ?? null, String(value)).toBe(scan(value));
  });
});
