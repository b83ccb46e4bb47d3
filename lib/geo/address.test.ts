import { describe, expect, it } from "vitest";
import { parseAddress } from "./address";

describe("client addresses as the databases are asked about them", () => {
  it("tells addresses apart as inet does, whatever the spelling", () => {
    expect(parseAddress("2001:DB8::1")?.key).toBe(parseAddress("2001:db8:0:0:0:0:0:1")?.key);
    expect(parseAddress("::ffff:8.8.8.8")?.key).toBe(parseAddress("::ffff:808:808")?.key);
    expect(parseAddress("::ffff:8.8.8.8")?.key).not.toBe(parseAddress("8.8.8.8")?.key);
    expect(parseAddress("8.8.8.8")).toMatchObject({ key: "8.8.8.8", lookup: { version: 4, value: 0x08080808, text: "8.8.8.8" }, special: false });
  });

  it("asks about an IPv4 client behind a dual-stack socket as IPv4", () => {
    expect(parseAddress("::ffff:193.0.6.139")).toMatchObject({ lookup: { version: 4, text: "193.0.6.139" }, special: false });
    expect(parseAddress("::ffff:10.1.2.3")).toMatchObject({ lookup: { version: 4 }, special: true });
  });

  it("marks private, loopback, link-local, CGNAT, multicast, reserved and documentation ranges", () => {
    const special = [
      "0.0.0.0", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "169.254.1.1", "172.16.0.1", "172.31.255.255", "192.0.0.8",
      "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.200", "224.0.0.1", "239.255.255.250",
      "240.0.0.1", "255.255.255.255", "::", "::1", "::10.0.0.1", "64:ff9b::808:808", "100::1", "2001::1", "2001:db8::1",
      "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2002:c000:204::1", "3fff::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "ff02::1",
    ];
    for (const text of special) expect(parseAddress(text)?.special, text).toBe(true);
    const open = ["1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.255", "198.17.255.255", "203.0.114.1", "223.255.255.255", "2001:4860:4860::8888", "2001:dc8::1", "2a00:1450::1"];
    for (const text of open) expect(parseAddress(text)?.special, text).toBe(false);
  });

  it("refuses what inet would not read the same way, and anything long", () => {
    for (const bad of ["", "01.2.3.4", "1.2.3", "256.1.1.1", "1.2.3.4/32", "fe80::1%eth0", "::ffff:1.2.3.4.5", "1::2::3", "__proto__", "1".repeat(200_000), "８.８.８.８", "1.2.3.4\u0000"]) {
      expect(parseAddress(bad), bad.slice(0, 40)).toBeNull();
    }
  });
});
