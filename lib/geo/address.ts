import { ipv4Number, parseIpOrCidr } from "@/lib/events/ip";

/**
 * A client address as the location databases are asked about it. Only text PostgreSQL's inet
 * reads the same way is taken (lib/events/ip.ts, the explorer's own check), at most 45
 * characters, so that what is located is what the sync stores.
 */
export interface Address {
  /** One text per address as inet tells addresses apart: "::ffff:1.2.3.4" is not "1.2.3.4". */
  key: string;
  /** What the databases are asked: an IPv4 address (also one behind ::ffff:) or an IPv6 one. */
  lookup: { version: 4; value: number; text: string } | { version: 6; words: Uint16Array; text: string };
  /** Private, loopback, link-local, shared (CGNAT), multicast, reserved or documentation: nowhere. */
  special: boolean;
}

const MAX_TEXT = 45;

/** A text the caller has checked, or one of this file's own. */
const ipv4Value = (text: string): number => ipv4Number(text) ?? 0;

const dotted = (value: number) => `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;

/** The eight 16-bit groups of a valid IPv6 text (one "::" at most, an IPv4 tail allowed). */
function ipv6Words(text: string): Uint16Array {
  const groups = (part: string): number[] => {
    if (part === "") return [];
    return part.split(":").flatMap((g) => {
      if (!g.includes(".")) return [parseInt(g, 16)];
      const v4 = ipv4Value(g);
      return [v4 >>> 16, v4 & 0xffff];
    });
  };
  const [head = "", tail] = text.split("::");
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const words = new Uint16Array(8);
  words.set(before, 0);
  words.set(after, 8 - after.length);
  return words;
}

/** IANA's special-purpose blocks that are not anyone's place (RFC 6890 and its updates). */
const SPECIAL_V4: ReadonlyArray<readonly [network: number, bits: number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
].map(([network, bits]) => [ipv4Value(network as string), bits as number] as const);

const SPECIAL_V6: ReadonlyArray<readonly [words: Uint16Array, bits: number]> = [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ["64:ff9b::", 96], // NAT64: a translator's, never a client as Asana sees it
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard-only
  ["2001::", 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4
  ["3fff::", 20], // documentation (RFC 9637)
  ["5f00::", 16], // segment routing
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
].map(([prefix, bits]) => [ipv6Words(prefix as string), bits as number] as const);

function inV4(value: number, network: number, bits: number): boolean {
  return (value ^ network) >>> (32 - bits) === 0;
}

function inV6(words: Uint16Array, prefix: Uint16Array, bits: number): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const shift = Math.max(0, 16 - bits);
    if ((words[i]! ^ prefix[i]!) >>> shift !== 0) return false;
  }
  return true;
}

const isMapped = (w: Uint16Array) => w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 0 && w[4] === 0 && w[5] === 0xffff;

function v4Address(key: string, value: number, text: string): Address {
  return { key, lookup: { version: 4, value, text }, special: SPECIAL_V4.some(([network, bits]) => inV4(value, network, bits)) };
}

/** The address the text names, or null when it is not one inet reads the same way. */
export function parseAddress(text: string): Address | null {
  if (text.length > MAX_TEXT) return null;
  const v4 = ipv4Number(text);
  if (v4 !== null) return v4Address(text, v4, text);
  const parsed = parseIpOrCidr(text);
  if ("error" in parsed || parsed.kind !== "exact" || parsed.version !== 6) return null;
  const words = ipv6Words(text);
  const key = Array.from(words, (w) => w.toString(16)).join(":");
  // A dual-stack server's view of an IPv4 client: located as that IPv4 address.
  if (isMapped(words)) {
    const value = ((words[6]! << 16) | words[7]!) >>> 0;
    return v4Address(key, value, dotted(value));
  }
  return { key, lookup: { version: 6, words, text: key }, special: SPECIAL_V6.some(([prefix, bits]) => inV6(words, prefix, bits)) };
}
