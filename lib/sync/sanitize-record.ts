import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { MAX_ALTERATIONS_LISTED, type Alteration, type AlterationKind } from "@/lib/events/alterations";
import { decodeString, JsonTextError, literalEnd, skipWhitespace, stringEnd, valueEnd } from "./json-text";

/**
 * Rewrites one record's JSON text into a form PostgreSQL's jsonb and the event's indexed
 * columns can hold, listing each change. Only the searchable copy is rewritten: `raw` keeps
 * the original text. What PostgreSQL refuses, and what becomes of it here:
 * - NUL (U+0000) and unpaired UTF-16 surrogates, in any key or string: U+FFFD;
 * - numbers beyond numeric's range or precision: the literal, as a string;
 * - nesting deeper than MAX_DEPTH: the deeper value becomes a note (PostgreSQL's own parser
 *   gives up somewhere past 10,000 levels);
 * - values of indexed columns longer than a btree entry can hold: cut, with a hash of the
 *   whole value so that different values stay different;
 * - created_at PostgreSQL cannot read (year 0000, an offset past ±15:59): the same instant
 *   in UTC, or the nearest one it can hold;
 * - a client address inet cannot hold: null in the columns.
 * Number literals are copied as written, so nothing a JavaScript number would round changes.
 */
export interface SanitizedRecord {
  /** The text to extract columns from, or null when the original needs no change. */
  safe: string | null;
  alterations: Alteration[];
}

export const MAX_DEPTH = 512;
const TOO_DEEP = "[nested too deep to keep in the columns: see the raw JSON]";

/** A year PostgreSQL has (not 0000) and an offset within its ±15:59 (the schema check allows up to ±23:59). */
const STORABLE_DATE = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;
const FIRST_INSTANT = Date.parse("0001-01-01T00:00:00.000Z");
const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * Whether PostgreSQL reads the instant as written and every layer above shows it: a UTC instant
 * in years 1 to 9999 (an offset can carry "0001-01-01T00:00:00+14:00" into 1 BC, and
 * "9999-12-31T23:59:59-14:00" into year 10000, which JavaScript dates cannot read back).
 */
export function storableDate(value: string): boolean {
  if (!STORABLE_DATE.test(value)) return false;
  const ms = Date.parse(value);
  return ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
}

/** The same instant in UTC, within years 1 to 9999 (what every layer of the app can show). */
function canonicalDate(value: string): string {
  const ms = Date.parse(value);
  return new Date(Number.isNaN(ms) ? FIRST_INSTANT : Math.min(Math.max(ms, FIRST_INSTANT), LAST_INSTANT)).toISOString();
}

type Rule = { kind: "key"; max: number } | { kind: "gid" } | { kind: "date" } | { kind: "ip" };
const key = (max: number): Rule => ({ kind: "key", max });
const ROOT_RULES: ReadonlyMap<string, Rule> = new Map([
  ["gid", { kind: "gid" }],
  ["event_type", key(120)],
  ["event_category", key(120)],
  ["created_at", { kind: "date" }],
]);
const NESTED_RULES: ReadonlyMap<string, ReadonlyMap<string, Rule>> = new Map([
  ["actor", new Map([["actor_type", key(120)], ["gid", key(120)], ["email", key(320)]])],
  ["resource", new Map([["resource_type", key(120)], ["gid", key(120)]])],
  ["context", new Map([["context_type", key(120)], ["api_authentication_method", key(120)], ["oauth_app_name", key(300)], ["client_ip_address", { kind: "ip" }]])],
]);

/** Whether PostgreSQL's inet accepts the text as Node reads it (Node also allows IPv6 zone ids). */
export function storableIpText(value: string): boolean {
  return isIP(value) !== 0 && !value.includes("%");
}

const NUL = /\u0000/g;

/** The string with NUL and unpaired surrogates replaced by U+FFFD, and which of the two it held. */
export function repairText(value: string): { text: string; kinds: AlterationKind[] } {
  const kinds: AlterationKind[] = [];
  let text = value;
  if (text.includes("\u0000")) {
    kinds.push("nul");
    text = text.replace(NUL, "\uFFFD");
  }
  if (!text.isWellFormed()) {
    kinds.push("surrogate");
    text = text.toWellFormed();
  }
  return { text, kinds };
}

const hash8 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex").slice(0, 8);
const hash16 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex").slice(0, 16);

/** A value of an indexed column, kept unique: repaired or cut values end with a hash of the original. */
function keyValue(original: string, max: number, add: (kind: AlterationKind) => void): string {
  const { text, kinds } = repairText(original);
  kinds.forEach(add);
  if (text.length <= max && kinds.length === 0) return original;
  if (text.length > max) add("length");
  return `${text.slice(0, max - 10).toWellFormed()}…${hash8(original)}`;
}

/**
 * An event's gid goes into links and the explorer's page cursors, which take letters, digits,
 * "_" and "-", at most 64 (Asana's gids are digits). Any other is stored as its safe part and a
 * hash of the whole: still unique, still the same on every replay.
 */
export const SAFE_GID = /^[A-Za-z0-9_-]{1,64}$/;

function eventGid(original: string, add: (kind: AlterationKind) => void): string {
  if (SAFE_GID.test(original)) return original;
  add("gid");
  const safe = original.replace(/[^A-Za-z0-9_-]+/g, "").slice(0, 40);
  return `${safe}${safe ? "-" : ""}x${hash16(original)}`;
}

/** The gid an event is stored under: Asana's, unless it had to be made safe (see SAFE_GID). */
export function storedGid(gid: string): string {
  return eventGid(gid, () => undefined);
}

const NUMBER = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const MAX_NUMERIC_DIGITS = 5_000;

/** Whether jsonb's numeric holds the literal (with a margin under its 131,072 / 16,383 digit limits). */
export function storableNumber(literal: string): boolean {
  const m = NUMBER.exec(literal);
  if (!m) return true; // true, false, null
  const digits = m[1]!.replace(/^0+/, "").length + (m[2]?.length ?? 0);
  const exponent = m[3] === undefined ? 0 : m[3].length > 8 ? Infinity : Math.abs(Number(m[3]));
  return digits <= MAX_NUMERIC_DIGITS && exponent <= MAX_NUMERIC_DIGITS;
}

interface Frame {
  object: boolean;
  /** The current key (objects) or index (arrays), as shown in a path. */
  segment: string;
  index: number;
  expectKey: boolean;
  /** The raw key, for the column rules of the first two levels. */
  key: string;
}

class AlterationList {
  private readonly seen = new Map<string, Alteration>();
  private extra = 0;
  add(path: string, kind: AlterationKind) {
    const id = `${path}\u0001${kind}`;
    if (this.seen.has(id)) return;
    if (this.seen.size < MAX_ALTERATIONS_LISTED) this.seen.set(id, { path, kind });
    else this.extra++;
  }
  list(): Alteration[] {
    const all = [...this.seen.values()];
    return this.extra > 0 ? [...all, { path: "", kind: "more", count: this.extra }] : all;
  }
}

function pathOf(stack: readonly Frame[], extra?: string): string {
  let path = "";
  for (const frame of stack) {
    if (frame.object) path += path ? `.${frame.segment}` : frame.segment;
    else path += `[${frame.index}]`;
  }
  if (extra !== undefined) path += path ? `.${extra}` : extra;
  return path || "(record)";
}

function ruleFor(stack: readonly Frame[]): Rule | undefined {
  if (stack.length === 1 && stack[0]!.object) return ROOT_RULES.get(stack[0]!.key);
  if (stack.length === 2 && stack[0]!.object && stack[1]!.object) return NESTED_RULES.get(stack[0]!.key)?.get(stack[1]!.key);
  return undefined;
}

const shownKey = (key: string) => (key.length > 40 ? `${key.slice(0, 40).toWellFormed()}…` : key);

export function sanitizeRecord(text: string): SanitizedRecord {
  const out: string[] = [];
  const alterations = new AlterationList();
  const stack: Frame[] = [];
  let changed = false;
  let i = skipWhitespace(text, 0);
  while (i < text.length) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (c === "{" || c === "[") {
      if (stack.length >= MAX_DEPTH) {
        alterations.add(pathOf(stack), "depth");
        out.push(JSON.stringify(TOO_DEEP));
        changed = true;
        i = valueEnd(text, i);
      } else {
        out.push(c);
        stack.push({ object: c === "{", segment: "", index: 0, expectKey: c === "{", key: "" });
        i++;
      }
    } else if (c === "}" || c === "]") {
      out.push(c);
      stack.pop();
      i++;
    } else if (c === ",") {
      out.push(c);
      if (top) {
        top.expectKey = top.object;
        top.index++;
      }
      i++;
    } else if (c === ":") {
      out.push(c);
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const literal = text.slice(i, end);
      const value = decodeString(literal);
      if (top?.object && top.expectKey) {
        const { text: repaired, kinds } = repairText(value);
        top.key = value;
        top.segment = shownKey(repaired);
        top.expectKey = false;
        for (const kind of kinds) alterations.add(pathOf(stack), kind);
        out.push(kinds.length > 0 ? JSON.stringify(repaired) : literal);
        changed ||= kinds.length > 0;
      } else {
        const rule = ruleFor(stack);
        const add = (kind: AlterationKind) => alterations.add(pathOf(stack), kind);
        let next: string | null = value;
        if (rule?.kind === "key") next = keyValue(value, rule.max, add);
        else if (rule?.kind === "gid") next = eventGid(value, add);
        else if (rule?.kind === "date" && !storableDate(value)) {
          add("date");
          next = canonicalDate(value);
        } else if (rule?.kind === "ip" && value !== "" && !storableIpText(value)) {
          add("ip");
          next = null;
        } else {
          const { text: repaired, kinds } = repairText(value);
          kinds.forEach(add);
          next = repaired;
        }
        if (next === value) out.push(literal);
        else {
          out.push(JSON.stringify(next));
          changed = true;
        }
      }
      i = end;
    } else {
      const end = literalEnd(text, i);
      const literal = text.slice(i, end);
      if (storableNumber(literal)) out.push(literal);
      else {
        alterations.add(pathOf(stack), "number");
        out.push(JSON.stringify(literal));
        changed = true;
      }
      i = end;
    }
    i = skipWhitespace(text, i);
  }
  if (stack.length > 0) throw new JsonTextError("unterminated record", text.length);
  return { safe: changed ? out.join("") : null, alterations: alterations.list() };
}
