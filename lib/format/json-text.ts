/**
 * JSON as text, in bounded work. Stored details and Asana's original JSON may be megabytes
 * long and nested ten thousand levels deep: JSON.stringify recurses once per level (and
 * overflows the stack there) and indents every level (a deep value would print gigabytes of
 * spaces). These walk with their own stack, stop at `max` characters, and indent only the
 * first `maxIndent` levels, writing deeper ones compactly.
 */

export interface JsonTextOptions {
  /** Characters written at most; the text then ends with "…". */
  max: number;
  /** Spaces per level; 0 writes compact JSON. */
  indent?: number;
  /** Levels that get a line and an indent of their own; deeper ones stay on one line. */
  maxIndent?: number;
}

export interface JsonText {
  text: string;
  cut: boolean;
}

const DEFAULT_MAX_INDENT = 32;

type Frame = { kind: "array"; items: unknown[]; next: number } | { kind: "object"; entries: Array<[string, unknown]>; next: number };

/** Writes a parsed value as JSON (as JSON.stringify would, `undefined` aside), iteratively and up to `max` characters. */
export function jsonText(value: unknown, options: JsonTextOptions): JsonText {
  const indent = options.indent ?? 0;
  const maxIndent = options.maxIndent ?? DEFAULT_MAX_INDENT;
  let out = "";
  const stack: Frame[] = [];
  const full = () => out.length >= options.max;
  const newline = (depth: number) => (indent > 0 && depth <= maxIndent ? `\n${" ".repeat(indent * depth)}` : "");
  const separator = indent > 0 ? ": " : ":";

  // Writes a scalar, or opens a container and pushes it.
  const open = (v: unknown) => {
    if (Array.isArray(v)) {
      if (v.length === 0) out += "[]";
      else {
        out += "[";
        stack.push({ kind: "array", items: v, next: 0 });
      }
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== "function");
      if (entries.length === 0) out += "{}";
      else {
        out += "{";
        stack.push({ kind: "object", entries, next: 0 });
      }
    } else if (typeof v === "string") out += JSON.stringify(v);
    else if (typeof v === "number") out += Number.isFinite(v) ? String(v) : "null";
    else if (typeof v === "boolean") out += String(v);
    else if (typeof v === "bigint") out += v.toString();
    else out += "null";
  };

  open(value);
  while (stack.length > 0 && !full()) {
    const frame = stack[stack.length - 1]!;
    const depth = stack.length;
    const length = frame.kind === "array" ? frame.items.length : frame.entries.length;
    if (frame.next >= length) {
      stack.pop();
      out += `${newline(depth - 1)}${frame.kind === "array" ? "]" : "}"}`;
      continue;
    }
    if (frame.next > 0) out += ",";
    out += newline(depth);
    if (frame.kind === "array") open(frame.items[frame.next++]);
    else {
      const [key, v] = frame.entries[frame.next++]!;
      out += `${JSON.stringify(key)}${separator}`;
      open(v);
    }
  }
  const cut = stack.length > 0 || out.length > options.max;
  return { text: cut ? `${out.slice(0, options.max)}…` : out, cut };
}

/**
 * Indents JSON text as it is, without parsing it: key order, number spelling and duplicate
 * keys stay exactly as sent, text that is not JSON passes through unchanged, and the work
 * is one pass over at most the characters written.
 */
export function indentJsonText(source: string, options: JsonTextOptions): JsonText {
  const indent = options.indent ?? 2;
  const maxIndent = options.maxIndent ?? DEFAULT_MAX_INDENT;
  // Only objects and arrays get lines of their own; anything else is shown as it is.
  if (!/^\s*[[{]/.test(source.slice(0, 256))) return source.length > options.max ? { text: `${source.slice(0, options.max)}…`, cut: true } : { text: source, cut: false };
  const pieces: string[] = [];
  let written = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = 0;
  const emit = (text: string) => {
    pieces.push(text);
    written += text.length;
  };
  const newline = (level: number) => (level <= maxIndent ? `\n${" ".repeat(indent * Math.max(0, level))}` : "");

  let i = 0;
  // Bounded by what is written, pending text included: one huge string stops the walk too.
  for (; i < source.length && written + (i - start) < options.max; i++) {
    const ch = source[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    if (ch !== "{" && ch !== "[" && ch !== "}" && ch !== "]" && ch !== "," && ch !== ":" && ch !== " " && ch !== "\n" && ch !== "\r" && ch !== "\t") continue;
    emit(source.slice(start, i));
    start = i + 1;
    if (ch === "{" || ch === "[") {
      // An empty container stays on one line.
      let j = i + 1;
      while (j < source.length && /\s/.test(source[j]!) && j - i < 64) j++;
      if (source[j] === (ch === "{" ? "}" : "]")) {
        emit(`${ch}${source[j]}`);
        i = j;
        start = j + 1;
      } else emit(`${ch}${newline(++depth)}`);
    } else if (ch === "}" || ch === "]") emit(`${newline(--depth)}${ch}`);
    else if (ch === ",") emit(`,${newline(depth)}`);
    else if (ch === ":") emit(": ");
    // Whitespace outside strings is dropped: the indentation replaces it.
  }
  emit(source.slice(start, i));
  const text = pieces.join("");
  const rest = /\S/g;
  rest.lastIndex = i;
  const cut = text.length > options.max || rest.test(source);
  return cut ? { text: `${text.slice(0, options.max)}…`, cut: true } : { text, cut: false };
}

/**
 * Whether JSON text nests deeper than `limit` levels, by one pass that stops at the first
 * level past it: a value deeper than that is not handed to code that recurses per level
 * (JSON.stringify, React's serialisers).
 */
export function nestsDeeperThan(source: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === 0x5c) escaped = true;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}
