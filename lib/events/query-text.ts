import { checkDimensionValues, checkValue, DIMENSION_BY_KEY, DIMENSION_SPECS, DIMENSIONS, emptyValues, type EventFilter } from "./filters";
import { checkAbsolute, DEFAULT_TIME, parseInstant, parseRelative, type TimeRange } from "./time-range";
import { isoInZone } from "./format-time";

/**
 * The query bar's language, for people who type:
 *
 *   actor:alice@x.com type:task_deleted,project_deleted -ip:10.0.0.0/8 since:7d "quarterly plan"
 *
 * - `key:value` includes, `-key:value` excludes; `key:a,b` means a or b. Keys are the URL's:
 *   type, category, actor_type, actor, resource_type, resource, ip, context, auth, app, text.
 * - `since:7d` (or `range:`) is a relative range, `from:` / `to:` an absolute one (ISO 8601).
 * - Any other word or "quoted phrase" is free text; `-word` excludes it.
 * - Values with spaces, commas or quotes are written in double quotes, `\"` for a quote.
 *
 * `filterToText` writes the canonical text of a filter; `textToFilter` reads it back, and the
 * two round-trip (query-text.test.ts).
 */
export interface TextError {
  /** Character offsets of the offending token, for highlighting. */
  start: number;
  end: number;
  message: string;
}

export type TextParse = { ok: true; filter: EventFilter } | { ok: false; errors: TextError[] };

const TIME_KEYS = new Set(["since", "range", "from", "to"]);
const KNOWN_KEYS = [...DIMENSIONS.map((d) => DIMENSION_SPECS[d].key), "since", "from", "to"];

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  get done() {
    return this.pos >= this.text.length;
  }
  peek(offset = 0) {
    return this.text[this.pos + offset];
  }
  atSpace() {
    return /\s/.test(this.peek() ?? "");
  }
  skipSpace() {
    while (!this.done && this.atSpace()) this.pos++;
  }
  /** A quoted string (at a quote) or a bare run up to whitespace, or also a comma when `stopAtComma`. */
  item(stopAtComma: boolean): { value: string } | { error: string } {
    if (this.peek() === '"') {
      this.pos++;
      let value = "";
      while (!this.done && this.peek() !== '"') {
        if (this.peek() === "\\" && (this.peek(1) === '"' || this.peek(1) === "\\")) this.pos++;
        value += this.peek();
        this.pos++;
      }
      if (this.done) return { error: "a quote is not closed" };
      this.pos++;
      return { value };
    }
    const start = this.pos;
    while (!this.done && !this.atSpace() && !(stopAtComma && this.peek() === ",") && this.peek() !== '"') this.pos++;
    return { value: this.text.slice(start, this.pos) };
  }
}

export function textToFilter(text: string, fallbackTime: TimeRange = DEFAULT_TIME): TextParse {
  const errors: TextError[] = [];
  const include = emptyValues();
  const exclude = emptyValues();
  let relative: string | null = null;
  let from: string | null = null;
  let to: string | null = null;
  const s = new Scanner(text);

  for (s.skipSpace(); !s.done; s.skipSpace()) {
    const start = s.pos;
    const fail = (message: string) => {
      while (!s.done && !s.atSpace()) s.pos++;
      errors.push({ start, end: s.pos, message });
    };
    const negate = s.peek() === "-" && s.peek(1) !== undefined && !/\s/.test(s.peek(1)!);
    if (negate) s.pos++;
    const key = /^([A-Za-z_]+):/.exec(text.slice(s.pos))?.[1];

    if (key === undefined) {
      const item = s.item(false);
      if ("error" in item) {
        errors.push({ start, end: s.pos, message: item.error });
        continue;
      }
      const checked = checkValue("text", item.value);
      if ("error" in checked) errors.push({ start, end: s.pos, message: `text: ${checked.error}` });
      else (negate ? exclude : include).text.push(checked.value);
      continue;
    }

    const name = key.toLowerCase();
    s.pos += key.length + 1;
    const dimension = DIMENSION_BY_KEY.get(name);
    if (!dimension && !TIME_KEYS.has(name)) {
      fail(`"${key}" is not a field; use ${KNOWN_KEYS.join(", ")} (put text with a colon in quotes)`);
      continue;
    }
    const values: string[] = [];
    let broken: string | null = null;
    do {
      if (s.peek() === ",") s.pos++;
      const item = s.item(true);
      if ("error" in item) broken = item.error;
      else values.push(item.value);
    } while (!broken && s.peek() === ",");
    if (!broken && !s.done && !s.atSpace()) broken = "unexpected character after the value";
    if (broken || values.every((v) => v === "")) {
      fail(`${name}: ${broken ?? "needs a value"}`);
      continue;
    }
    const end = s.pos;

    if (!dimension) {
      if (negate) errors.push({ start, end, message: `"${name}" cannot be excluded` });
      else if (values.length > 1) errors.push({ start, end, message: `"${name}" takes one value` });
      else if (name === "since" || name === "range") {
        const parsed = parseRelative(values[0]!);
        if (parsed !== null && typeof parsed === "object") errors.push({ start, end, message: parsed.error });
        else relative = values[0]!;
      } else {
        const parsed = parseInstant(values[0]!);
        if (typeof parsed === "object") errors.push({ start, end, message: `${name}: ${parsed.error}` });
        else if (name === "from") from = parsed;
        else to = parsed;
      }
      continue;
    }
    for (const value of values) {
      if (value === "") continue;
      const checked = checkValue(dimension, value);
      if ("error" in checked) errors.push({ start, end, message: `${name}: ${checked.error}` });
      else (negate ? exclude : include)[dimension].push(checked.value);
    }
  }

  if (relative !== null && (from !== null || to !== null)) errors.push({ start: 0, end: text.length, message: `use either "since" or "from"/"to", not both` });
  const reversed = checkAbsolute(from, to);
  if (reversed) errors.push({ start: 0, end: text.length, message: reversed });
  const checked = checkDimensionValues(include, exclude);
  for (const issue of checked.issues) {
    const key = issue.dimension === "time" ? "time" : DIMENSION_SPECS[issue.dimension].key;
    errors.push({ start: 0, end: text.length, message: `${key}: ${issue.message}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const time: TimeRange = relative !== null ? { kind: "relative", last: relative } : from !== null || to !== null ? { kind: "absolute", from, to } : fallbackTime;
  return { ok: true, filter: { time, include: checked.include, exclude: checked.exclude } };
}

/** A value as the language reads it back: bare when it can be, quoted otherwise. */
export function quote(value: string, { inList }: { inList: boolean }): string {
  const needsQuotes = value === "" || /[\s",\\]/.test(value) || (!inList && (/^[A-Za-z_]+:/.test(value) || value.startsWith("-")));
  return needsQuotes ? `"${value.replace(/[\\"]/g, "\\$&")}"` : value;
}

/** The range as text; absolute bounds in `zone` when given (with their offset: they read back as the same instants). */
export function timeToText(time: TimeRange, zone?: string): string {
  if (time.kind === "relative") return `since:${time.last}`;
  const at = (iso: string) => (zone ? isoInZone(iso, zone) : iso);
  return [time.from ? `from:${at(time.from)}` : "", time.to ? `to:${at(time.to)}` : ""].filter(Boolean).join(" ");
}

/** The canonical text of a filter: conditions in dimension order, then the time range (in `zone` when given). */
export function filterToText(filter: EventFilter, zone?: string): string {
  const parts: string[] = [];
  for (const d of DIMENSIONS) {
    for (const [values, sign] of [
      [filter.include[d], ""],
      [filter.exclude[d], "-"],
    ] as const) {
      if (values.length === 0) continue;
      if (d === "text") parts.push(...values.map((v) => `${sign}${quote(v, { inList: false })}`));
      else parts.push(`${sign}${DIMENSION_SPECS[d].key}:${values.map((v) => quote(v, { inList: true })).join(",")}`);
    }
  }
  parts.push(timeToText(filter.time, zone));
  return parts.join(" ");
}
