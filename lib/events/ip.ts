/**
 * IP address and CIDR syntax, checked in plain TypeScript (no node:net) so that the browser's
 * query bar and the server agree on what is valid. Only forms that PostgreSQL's inet type
 * reads the same way are accepted: no leading zeros (which some parsers take as octal), no
 * zone ids, no abbreviated IPv4 ("10.1").
 */
export type IpMatch = { kind: "exact" | "cidr"; version: 4 | 6; address: string; prefix: number };

/**
 * The value of an IPv4 text as an unsigned 32-bit number, or null when it is not four parts of
 * 0–255 without leading zeros. One pass over the characters: the sync reads every new client
 * address with it.
 */
export function ipv4Number(text: string): number | null {
  if (text.length < 7 || text.length > 15) return null;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT;
    if (c === DOT) {
      if (digits === 0 || part > 255) return null;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (c >= ZERO && c <= ZERO + 9) {
      // A second digit after a leading 0 ("01"), or a fourth digit.
      if ((digits > 0 && part === 0) || digits === 3) return null;
      part = part * 10 + (c - ZERO);
      digits++;
    } else {
      return null;
    }
  }
  return parts === 4 ? value : null;
}
const DOT = 46;
const ZERO = 48;

const isIpv4 = (text: string) => ipv4Number(text) !== null;

function isIpv6(text: string): boolean {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  // An embedded IPv4 address (::ffff:10.0.0.1) counts as two groups, and only as the text's
  // very last group: "1.2.3.4::" is refused by PostgreSQL, as by every other parser.
  const last = text.endsWith("::") ? undefined : all[all.length - 1];
  const embedded = last !== undefined && last.includes(".");
  if (embedded && !isIpv4(last)) return false;
  const hexGroups = embedded ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (embedded ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Parses "10.0.0.1", "10.0.0.0/8", "2001:db8::1" or "2001:db8::/32"; returns an error message otherwise. */
export function parseIpOrCidr(value: string): IpMatch | { error: string } {
  const [address = "", prefixText, extra] = value.split("/");
  if (extra !== undefined) return { error: `"${value}" has more than one "/"` };
  const version = isIpv4(address) ? 4 : isIpv6(address) ? 6 : undefined;
  if (!version) return { error: `"${value}" is not an IP address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, 2001:db8::/32)` };
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { kind: "exact", version, address, prefix: max };
  // No leading zeros: PostgreSQL refuses "::/08" (while it reads "10.0.0.0/08").
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > max) {
    return { error: `"${value}" has an invalid prefix length: use /0 to /${max} for IPv${version}` };
  }
  return { kind: "cidr", version, address, prefix: Number(prefixText) };
}
