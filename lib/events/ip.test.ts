import { describe, expect, it } from "vitest";
import { parseIpOrCidr } from "./ip";

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
