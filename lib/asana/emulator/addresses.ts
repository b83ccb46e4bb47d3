import type { Rng } from "./random";

/**
 * A range of public addresses written as CIDR, parsed once, from which the emulator draws
 * addresses as text. IPv6 ranges are /32 to /48: an address keeps the range's bits and draws a
 * subnet and a host, which is all a home or a server needs to look real.
 */
export interface Block {
  readonly cidr: string;
  readonly version: 4 | 6;
  /** IPv4: the first address as an unsigned integer. IPv6: the first two hextets as text. */
  readonly head: number | string;
  /** IPv4: the first address of the range; IPv6: its third hextet. */
  readonly first: number;
  /** How many values the part drawn (IPv4 address, IPv6 third hextet) may take. */
  readonly size: number;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const V6 = /^([0-9a-f]{1,4}):([0-9a-f]{1,4}):(?:([0-9a-f]{1,4}):?)?:\/(\d{2})$/;

export function block(cidr: string): Block {
  const v4 = V4.exec(cidr);
  if (v4) {
    const [a, b, c, d, len] = v4.slice(1).map(Number) as [number, number, number, number, number];
    if (len < 8 || len > 30 || [a, b, c, d].some((o) => o > 255)) throw new Error(`bad range ${cidr}`);
    const size = 2 ** (32 - len);
    const first = (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) >>> 0;
    if (first % size !== 0) throw new Error(`${cidr} is not aligned`);
    return { cidr, version: 4, head: first, first, size };
  }
  const v6 = V6.exec(cidr);
  const len = Number(v6?.[4]);
  if (!v6 || len < 32 || len > 48) throw new Error(`bad range ${cidr}`);
  const size = 2 ** (48 - len);
  const first = v6[3] === undefined ? 0 : parseInt(v6[3], 16);
  if (first % size !== 0) throw new Error(`${cidr} is not aligned`);
  return { cidr, version: 6, head: `${v6[1]}:${v6[2]}`, first, size };
}

export function ipv4Text(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function v6Text(b: Block, third: number, subnet: number, host: number): string {
  // Subnet and host are never 0: a zero hextet before "::" would not be the canonical text.
  return `${b.head as string}:${third.toString(16)}:${subnet.toString(16)}::${host.toString(16)}`;
}

/** A host of the block, never its IPv4 network or broadcast address. */
export function drawAddress(b: Block, rng: Rng): string {
  if (b.version === 4) return ipv4Text((b.first + 1 + rng.int(b.size - 2)) >>> 0);
  return v6Text(b, b.first + rng.int(b.size), 1 + rng.int(0xffff), 1 + rng.int(0xffff));
}

/** Its lowest, middle and highest hosts: where a test checks that a database places all of it. */
export function samplesOf(b: Block): readonly string[] {
  if (b.version === 4) return [1, b.size >>> 1, b.size - 2].map((k) => ipv4Text((b.first + k) >>> 0));
  return [v6Text(b, b.first, 1, 1), v6Text(b, b.first + (b.size >>> 1), 0x8000, 0x8000), v6Text(b, b.first + b.size - 1, 0xffff, 0xffff)];
}

/** Every host of a small block (an office's egress), drawn from then on without building text. */
export function hostsOf(b: Block): readonly string[] {
  if (b.version !== 4 || b.size > 256) throw new Error(`${b.cidr}: hosts are listed for small IPv4 blocks only`);
  return Array.from({ length: b.size - 2 }, (_, k) => ipv4Text((b.first + k + 1) >>> 0));
}
