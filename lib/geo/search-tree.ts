import type { Reader, Response } from "maxmind";

type Metadata = Reader<Response>["metadata"];

/**
 * A MaxMind DB file's search tree, walked with the address as numbers: the record's data
 * pointer, or 0 where the file lists nothing. maxmind's own `get` parses the address from its
 * text again and reads each node through a closure, 4–6 µs an address (measured, `npm run
 * bench:geo`); this loop over the same bytes takes a fraction of that, so that an address seen
 * for the first time costs a walk and a cache lookup by pointer, and a decode only for a
 * record (a city) not met before. The walk follows the format's specification
 * (https://maxmind.github.io/MaxMind-DB/, "Search tree section") as maxmind does: the same
 * bytes give the same pointer, damaged ones included. It is bounded by the address's bits and
 * by the tree's size, whatever the file holds.
 */
export interface SearchTree {
  /** An IPv4 address as an unsigned 32-bit number, in an IPv4 file. */
  v4(value: number): number;
  /** An IPv6 address as its eight 16-bit groups, in an IPv6 file. */
  v6(groups: Uint16Array): number;
}

type ReadRecord = (bytes: Uint8Array, offset: number) => number;

/** The node's left and right records, by record size in bits. */
const RECORDS: Readonly<Record<number, readonly [left: ReadRecord, right: ReadRecord]>> = {
  24: [(b, o) => (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!, (b, o) => (b[o + 3]! << 16) | (b[o + 4]! << 8) | b[o + 5]!],
  28: [
    (b, o) => ((b[o + 3]! & 0xf0) << 20) | (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!,
    (b, o) => ((b[o + 3]! & 0x0f) << 24) | (b[o + 4]! << 16) | (b[o + 5]! << 8) | b[o + 6]!,
  ],
  32: [
    (b, o) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0,
    (b, o) => ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0,
  ],
};

export function searchTree(bytes: Uint8Array, metadata: Metadata): SearchTree {
  const records = Object.hasOwn(RECORDS, metadata.recordSize) ? RECORDS[metadata.recordSize] : undefined;
  if (!records) throw new Error(`unsupported record size ${metadata.recordSize}`);
  const [left, right] = records;
  const { nodeCount, nodeByteSize } = metadata;
  // Nodes past the file's end (a truncated or lying file) read as "not listed".
  const lastNode = Math.min(nodeCount, Math.floor(bytes.length / nodeByteSize));
  /** `bit(depth)` is the address's bit at that depth, most significant first. */
  const walk = (bits: number, bit: (depth: number) => number): number => {
    let node = 0;
    for (let depth = 0; depth < bits && node < nodeCount; depth++) {
      if (node >= lastNode) return 0;
      const offset = node * nodeByteSize;
      node = bit(depth) ? right(bytes, offset) : left(bytes, offset);
    }
    return node > nodeCount ? node : 0;
  };
  return {
    v4: (value) => (metadata.ipVersion === 4 ? walk(32, (depth) => (value >>> (31 - depth)) & 1) : 0),
    v6: (groups) => (metadata.ipVersion === 6 ? walk(128, (depth) => (groups[depth >>> 4]! >>> (15 - (depth & 15))) & 1) : 0),
  };
}
