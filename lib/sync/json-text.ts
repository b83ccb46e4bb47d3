/**
 * Reading JSON text without parsing it into objects: where each value starts and ends. The
 * sync uses it to cut Asana's page into the exact text of each record (what `raw` keeps),
 * and to rewrite a record for storage (sanitize-record.ts) without losing number literals
 * that a JavaScript number would round. Every function here walks the text once, with no
 * recursion, so a value nested 200,000 levels deep costs its length and nothing more.
 *
 * The text is assumed to be valid JSON (JSON.parse has already accepted the page); on text
 * that is not, they throw rather than guess.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export class JsonTextError extends Error {
  constructor(message: string, readonly at: number) {
    super(`${message} at character ${at}`);
    this.name = "JsonTextError";
  }
}

/** The index of the first character at or after `i` that is not JSON whitespace. */
export function skipWhitespace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** `i` is at a string's opening quote; returns the index just past its closing quote. */
export function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; ) {
    const quote = text.indexOf('"', j);
    if (quote < 0) break;
    // The quote closes the string unless an odd number of backslashes escapes it.
    let backslashes = 0;
    for (let k = quote - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
  throw new JsonTextError("unterminated string", i);
}

const LITERAL = /[-+0-9.eEa-z]+/y;

/** The end of a number, true, false or null starting at `i`. */
export function literalEnd(text: string, i: number): number {
  LITERAL.lastIndex = i;
  if (!LITERAL.test(text)) throw new JsonTextError("unexpected character", i);
  return LITERAL.lastIndex;
}

const STRUCTURE = /["{}[\]]/g;

/** The end of the value starting at `i` (after whitespace): an object or array is skipped whole. */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) return literalEnd(text, i);
  let depth = 0;
  STRUCTURE.lastIndex = i;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const ch = text.charCodeAt(m.index);
    if (ch === QUOTE) {
      STRUCTURE.lastIndex = stringEnd(text, m.index);
    } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      depth++;
    } else if (--depth === 0) {
      return m.index + 1;
    }
  }
  throw new JsonTextError("unterminated object or array", i);
}

/** A string literal's value (escapes decoded). */
export function decodeString(literal: string): string {
  return literal.includes("\\") ? (JSON.parse(literal) as string) : literal.slice(1, -1);
}

/**
 * The exact text of each element of the top-level object's `data` array, as Asana sent it
 * (the last `data` key wins, as in JSON.parse). Null when the text has no such array.
 */
export function dataElements(text: string): string[] | null {
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return null;
  i = skipWhitespace(text, i + 1);
  let elements: string[] | null = null;
  while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACE) {
    const keyEnd = stringEnd(text, i);
    const key = decodeString(text.slice(i, keyEnd));
    i = skipWhitespace(text, keyEnd);
    if (text[i] !== ":") throw new JsonTextError("expected ':'", i);
    i = skipWhitespace(text, i + 1);
    if (key === "data" && text.charCodeAt(i) === OPEN_BRACKET) {
      elements = [];
      i = skipWhitespace(text, i + 1);
      while (text.charCodeAt(i) !== CLOSE_BRACKET) {
        const end = valueEnd(text, i);
        elements.push(text.slice(i, end));
        i = skipWhitespace(text, end);
        if (text[i] === ",") i = skipWhitespace(text, i + 1);
        else if (text.charCodeAt(i) !== CLOSE_BRACKET) throw new JsonTextError("expected ',' or ']'", i);
      }
      i++;
    } else {
      i = valueEnd(text, i);
    }
    i = skipWhitespace(text, i);
    if (text[i] === ",") i = skipWhitespace(text, i + 1);
  }
  return elements;
}
