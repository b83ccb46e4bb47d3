import { cleanName } from "./clean-text";
import { readLines } from "./read-lines";

/**
 * The ASN table (@ip-location-db/asn's "num" CSVs: `start,end,asn,organisation`, addresses as
 * decimal integers, inclusive ranges) held as sorted typed arrays and searched by bisection:
 * some 12 MB for half a million ranges, where an object per row would take ten times that.
 * IPv6 addresses are four 32-bit words, most significant first, compared word by word.
 * Organisation names are kept once per ASN. The files are upstream data: a row that does not
 * parse, goes backwards or names no usable ASN is skipped, an overlapping one is clipped to
 * what the rows before it leave, and rows and names are bounded in number.
 */
export interface Network {
  asn: number;
  org: string | null;
}

export interface AsnTable {
  v4(value: number): Network | null;
  /** The address's eight 16-bit groups. */
  v6(groups: Uint16Array): Network | null;
  ranges: number;
  organisations: number;
  /** Rows left out: malformed, out of order, with an unusable ASN, over-long. */
  skipped: number;
}

const MAX_V4_ROWS = 2_000_000;
const MAX_V6_ROWS = 1_000_000;
const MAX_ORGANISATIONS = 500_000;
const MAX_LINE = 1_024;
const ORG_MAX = 200;
/** ip_location.asn is an int: 32-bit ASNs past it are private-use or reserved (RFC 6996, 7300). */
const MAX_ASN = 2_147_483_647;
const COMMA = 44;
/** The table's stand-in when it knows no name: "AS4294967294". */
const NAMELESS = /^AS\d+$/;

/**
 * Organisation names by ASN: the table names each AS the same way on all its rows (checked
 * over both files), so a row's name is read only when its ASN is new, and a second name
 * for the same ASN is ignored.
 */
class Organisations {
  private readonly byAsn = new Map<number, string | null>();
  private named = 0;
  has(asn: number): boolean {
    return this.byAsn.has(asn);
  }
  add(asn: number, field: string): void {
    if (this.byAsn.size >= MAX_ORGANISATIONS) return;
    const name = cleanName(unquote(field), ORG_MAX);
    const usable = name !== null && !NAMELESS.test(name) ? name : null;
    this.byAsn.set(asn, usable);
    if (usable !== null) this.named++;
  }
  of(asn: number): string | null {
    return this.byAsn.get(asn) ?? null;
  }
  get size(): number {
    return this.named;
  }
}

function unquote(field: string): string {
  if (!field.startsWith('"')) return field;
  const close = field.lastIndexOf('"');
  return (close > 0 ? field.slice(1, close) : field.slice(1)).replaceAll('""', '"');
}

/**
 * Reads a decimal field ending in a comma into `out` (`words` 32-bit words, most significant
 * first) and returns the position after the comma, or -1 when the field is not 1 to
 * `maxDigits` digits or its value does not fit.
 */
function readDecimal(bytes: Buffer, pos: number, end: number, maxDigits: number, out: Uint32Array, words: number): number {
  if (words === 1) return readSmall(bytes, pos, end, out);
  out.fill(0, 0, words);
  let digits = 0;
  for (; pos < end && bytes[pos] !== COMMA; pos++, digits++) {
    const digit = bytes[pos]! - 48;
    if (digit < 0 || digit > 9 || digits >= maxDigits) return -1;
    let carry = digit;
    for (let w = words - 1; w >= 0; w--) {
      const value = out[w]! * 10 + carry;
      // Not `%`: on a double it is a call into C, and this runs for every digit of 1.3M fields.
      carry = Math.floor(value / 0x1_0000_0000);
      out[w] = value - carry * 0x1_0000_0000;
    }
    if (carry !== 0) return -1;
  }
  return digits > 0 && pos < end ? pos + 1 : -1;
}

/** readDecimal for one word (an IPv4 address, an ASN): plain arithmetic, as it fits a double. */
function readSmall(bytes: Buffer, pos: number, end: number, out: Uint32Array): number {
  let value = 0;
  const first = pos;
  for (; pos < end && bytes[pos] !== COMMA; pos++) {
    const digit = bytes[pos]! - 48;
    if (digit < 0 || digit > 9 || pos - first >= 10) return -1;
    value = value * 10 + digit;
  }
  if (pos === first || pos >= end || value > 0xffffffff) return -1;
  out[0] = value;
  return pos + 1;
}

/** -1, 0 or 1 as the 4-word value at a[i] is below, equal to or above the one at b[j]. */
function compare(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  for (let w = 0; w < 4; w++) {
    const x = a[i + w]!, y = b[j + w]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Columns in typed arrays that double as rows arrive (up to the bound), then are cut to size. */
function doubled(array: Uint32Array): Uint32Array {
  const next = new Uint32Array(array.length * 2);
  next.set(array);
  return next;
}

interface Columns {
  /** `width` words per row. */
  start: Uint32Array;
  end: Uint32Array;
  asn: Uint32Array;
  size: number;
  skipped: number;
}

async function readTable(path: string, width: 1 | 4, maxRows: number, orgs: Organisations): Promise<Columns> {
  const maxDigits = width === 1 ? 10 : 39;
  const t: Columns = { start: new Uint32Array(width << 14), end: new Uint32Array(width << 14), asn: new Uint32Array(1 << 14), size: 0, skipped: 0 };
  const from = new Uint32Array(4), to = new Uint32Array(4), number = new Uint32Array(1);
  const read = await readLines(path, { maxLine: MAX_LINE, maxLines: maxRows }, (bytes, lineStart, lineEnd) => {
    let pos = readDecimal(bytes, lineStart, lineEnd, maxDigits, from, width);
    if (pos >= 0) pos = readDecimal(bytes, pos, lineEnd, maxDigits, to, width);
    if (pos >= 0) pos = readDecimal(bytes, pos, lineEnd, 10, number, 1);
    const previous = (t.size - 1) * width;
    if (pos < 0 || !(number[0]! >= 1 && number[0]! <= MAX_ASN) || compare(from, 0, to, 0) > 0 || (t.size > 0 && compare(to, 0, t.end, previous) <= 0)) {
      t.skipped++;
      return;
    }
    if (t.size === t.asn.length) [t.start, t.end, t.asn] = [doubled(t.start), doubled(t.end), doubled(t.asn)];
    const at = t.size * width;
    // Overlapping the row before: the earlier row keeps the overlap.
    const clipped = t.size > 0 && compare(from, 0, t.end, previous) <= 0;
    for (let w = 0; w < width; w++) {
      t.start[at + w] = clipped ? t.end[previous + w]! : from[w]!;
      t.end[at + w] = to[w]!;
    }
    if (clipped) increment(t.start, at, width);
    t.asn[t.size] = number[0]!;
    if (!orgs.has(number[0]!)) orgs.add(number[0]!, bytes.toString("utf8", pos, lineEnd));
    t.size++;
  });
  const words = t.size * width;
  return { start: t.start.slice(0, words), end: t.end.slice(0, words), asn: t.asn.slice(0, t.size), size: t.size, skipped: t.skipped + read.overlong };
}

function increment(words: Uint32Array, at: number, width: number): void {
  for (let w = at + width - 1; w >= at; w--) {
    words[w] = (words[w]! + 1) % 0x1_0000_0000;
    if (words[w] !== 0) return;
  }
}

/** The row holding the address (`width` words at `address`), by bisection over the starts from `low` to `high`. */
function find(t: Columns, width: number, address: Uint32Array, low = 0, high = t.size - 1): number {
  const compareAt = (row: number, column: Uint32Array) => (width === 1 ? Math.sign(column[row]! - address[0]!) : compare(column, row * 4, address, 0));
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (compareAt(mid, t.start) <= 0) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && compareAt(found, t.end) >= 0 ? found : -1;
}

/**
 * For each value of an IPv4 address's first 16 bits, the first row starting at or past it: a
 * lookup then bisects the few rows of its /16 (and the one before), not all 500,000 (half of
 * a lookup's time, measured: 1.0 µs to 0.5 µs).
 */
function firstRows(t: Columns): Uint32Array {
  const first = new Uint32Array((1 << 16) + 1);
  let row = 0;
  for (let prefix = 0; prefix <= 1 << 16; prefix++) {
    while (row < t.size && t.start[row]! >>> 16 < prefix) row++;
    first[prefix] = row;
  }
  return first;
}

/** Reads both files; throws when either cannot be read or holds no usable row. */
export async function loadAsnTable(v4Path: string, v6Path: string): Promise<AsnTable> {
  const orgs = new Organisations();
  const v4 = await readTable(v4Path, 1, MAX_V4_ROWS, orgs);
  const v6 = await readTable(v6Path, 4, MAX_V6_ROWS, orgs);
  if (v4.size === 0 || v6.size === 0) throw new Error("the ASN table holds no usable row");
  const network = (t: Columns, row: number): Network | null => (row < 0 ? null : { asn: t.asn[row]!, org: orgs.of(t.asn[row]!) });
  const v4Address = new Uint32Array(1), v6Address = new Uint32Array(4);
  const v4First = firstRows(v4);
  return {
    v4(value) {
      v4Address[0] = value;
      const prefix = value >>> 16;
      // The row holding it starts in its /16, or is the last row that starts before it.
      return network(v4, find(v4, 1, v4Address, Math.max(0, v4First[prefix]! - 1), v4First[prefix + 1]! - 1));
    },
    v6(groups) {
      for (let w = 0; w < 4; w++) v6Address[w] = groups[w * 2]! * 0x10000 + groups[w * 2 + 1]!;
      return network(v6, find(v6, 4, v6Address));
    },
    ranges: v4.size + v6.size,
    organisations: orgs.size,
    skipped: v4.skipped + v6.skipped,
  };
}
