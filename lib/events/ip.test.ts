import { describe, expect, it } from "vitest";
import { ipv4Number, parseIpOrCidr } from "./ip";

describe("parseIpOrCidr", () => {
  it.each([
    ["10.0.0.1", "exact", 4, 32],
    ["10.0.0.0/8", "cidr", 4, 8],
    ["0.0.0.0/0", "cidr", 4, 0],
    ["255.255.255.255", "exact", 4, 32],
    ["2001:db8::1", "exact", 6, 128],
    ["2001:db8::/32", "cidr", 6, 32],
    ["::", "exact", 6, 128],
    ["::1", "exact", 6, 128],
    ["::ffff:10.0.0.1", "exact", 6, 128],
    ["fe80:0:0:0:0:0:0:1", "exact", 6, 128],
  ])("accepts %s", (value, kind, version, prefix) => {
    expect(parseIpOrCidr(value)).toMatchObject({ kind, version, prefix });
  });

  it.each([
    "",
    "10.0.0",
    "10.0.0.256",
    "010.0.0.1",
    "10.0.0.1/33",
    "10.0.0.1/-1",
    "10.0.0.1/8/8",
    "10.0.0.0/",
    "2001:db8::1::2",
    "2001:db8:0:0:0:0:0:0:1",
    "fe80::1%eth0",
    "1:2:3:4:5:6:7",
    "::ffff:10.0.0.256",
    "2001:db8::/129",
    "localhost",
    "' OR 1=1 --",
    "1.2.3.4; DROP TABLE audit_event",
  ])("refuses %j with a message", (value) => {
    const parsed = parseIpOrCidr(value);
    expect(parsed).toHaveProperty("error");
    expect((parsed as { error: string }).error).toMatch(/IP|prefix|"\/"/);
  });
});

describe("ipv4Number", () => {
  it("reads the four parts in one pass, as inet does", () => {
    expect(ipv4Number("0.0.0.0")).toBe(0);
    expect(ipv4Number("255.255.255.255")).toBe(4_294_967_295);
    expect(ipv4Number("81.2.69.160")).toBe(((81 << 24) | (2 << 16) | (69 << 8) | 160) >>> 0);
    expect(ipv4Number("10.0.100.9")).toBe(0x0a006409);
  });

  it("refuses what inet reads differently or not at all", () => {
    for (const text of ["256.1.1.1", "1.2.3.04", "01.2.3.4", "00.1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3", "1.2.3.4.5", "1.2.3.1000", " 1.2.3.4", "1.2.3.4 ", "1.2.3.-4", "1.2.3.4/8", "a.b.c.d", "１.2.3.4", "1.2.3.4444"]) {
      expect(ipv4Number(text), text).toBeNull();
    }
  });
});
