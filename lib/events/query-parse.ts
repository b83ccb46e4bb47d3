import type { Dimension } from "./filters";
import { hasWildcard, MAX_DEPTH, MAX_QUERY_LENGTH, MAX_TERMS } from "./query-expr";
import { fieldTarget, suggestFields, type TimeKey } from "./query-fields";

/**
 * The query bar's grammar, read by recursive descent:
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          adjacency means AND
 *   unary   := ("NOT" | "-") unary | primary
 *   primary := "(" or ")" | field ":" value ("," value)* | "quoted text" | word
 *
 * so NOT binds tightest, then AND, then OR. Operators are read in any case (`or` is OR, as in
 * Kibana's language); to search for the word itself, quote it. Whatever is not understood is
 * an error with the character span of the offending word, never a silent text search.
 */
export interface TextError {
  /** Character offsets of the offending token, for highlighting. */
  start: number;
  end: number;
  message: string;
}

interface Span {
  start: number;
  end: number;
}

/** One value as typed: quoted values are literal, bare ones may hold wildcards. */
export interface ValueNode extends Span {
  value: string;
  wildcard: boolean;
}

export type Node = Span &
  (
    | { kind: "term"; dimension: Dimension; field: string; values: ValueNode[] }
    | { kind: "time"; key: TimeKey; field: string; values: ValueNode[] }
    | { kind: "not"; arg: Node }
    | { kind: "and" | "or"; args: Node[] }
  );

type Token = Span &
  (
    | { kind: "(" | ")" | "and" | "or" | "not" }
    | { kind: "item"; node: Node }
  );

const OPERATORS: ReadonlyMap<string, "and" | "or" | "not"> = new Map([
  ["and", "and"],
  ["or", "or"],
  ["not", "not"],
]);
const FIELD = /^@?[A-Za-z_][A-Za-z0-9_.@]*:/;
const ENDS_VALUE = /[\s()",]/;
const ENDS_WORD = /[\s()"]/;
const OPERATOR = /^(and|or|not)(?=[\s()]|$)/i;

class Lexer {
  pos = 0;
  readonly errors: TextError[] = [];
  constructor(readonly text: string) {}

  private at(offset = 0) {
    return this.text[this.pos + offset];
  }
  private space(offset = 0) {
    const c = this.at(offset);
    return c !== undefined && /\s/.test(c);
  }
  private fail(start: number, message: string) {
    while (this.pos < this.text.length && !this.space() && this.at() !== ")") this.pos++;
    this.errors.push({ start, end: Math.max(this.pos, start + 1), message });
  }

  /** A quoted string at a quote, or a bare run; null (with an error) for an unclosed quote. */
  private value(stopAtComma: boolean): ValueNode | null {
    const start = this.pos;
    if (this.at() === '"') {
      this.pos++;
      let value = "";
      while (this.pos < this.text.length && this.at() !== '"') {
        if (this.at() === "\\" && (this.at(1) === '"' || this.at(1) === "\\")) this.pos++;
        value += this.at();
        this.pos++;
      }
      if (this.pos >= this.text.length) {
        this.errors.push({ start, end: this.pos, message: "a quote is not closed" });
        return null;
      }
      this.pos++;
      return { start, end: this.pos, value, wildcard: false };
    }
    const ends = stopAtComma ? ENDS_VALUE : ENDS_WORD;
    while (this.pos < this.text.length && !ends.test(this.at()!)) this.pos++;
    const value = this.text.slice(start, this.pos);
    return { start, end: this.pos, value, wildcard: hasWildcard(value) };
  }
  private endsCleanly() {
    return this.pos >= this.text.length || this.space() || this.at() === ")";
  }

  tokens(): Token[] {
    const out: Token[] = [];
    for (;;) {
      while (this.space()) this.pos++;
      if (this.pos >= this.text.length) return out;
      const start = this.pos;
      const c = this.at()!;
      if (c === "(" || c === ")") {
        this.pos++;
        out.push({ kind: c, start, end: this.pos });
        continue;
      }
      const negate = c === "-";
      if (negate) {
        if (this.pos + 1 >= this.text.length || this.space(1)) {
          this.pos++;
          this.errors.push({ start, end: this.pos, message: `a lone "-" leaves nothing out: write it before a condition, e.g. -type:task_deleted` });
          continue;
        }
        this.pos++;
        if (this.at() === "(") {
          out.push({ kind: "not", start, end: this.pos });
          continue;
        }
      }
      const operator = OPERATOR.exec(this.text.slice(this.pos, this.pos + 4))?.[1];
      if (operator) {
        this.pos += operator.length;
        if (negate) this.errors.push({ start, end: this.pos, message: `"-" cannot go before ${operator.toUpperCase()}; write NOT or - before a condition` });
        else out.push({ kind: OPERATORS.get(operator.toLowerCase())!, start, end: this.pos });
        continue;
      }
      const item = this.item(start);
      if (!item) continue;
      out.push({ kind: "item", start, end: item.end, node: negate ? { kind: "not", start, end: item.end, arg: item } : item });
    }
  }

  private item(start: number): Node | null {
    const field = FIELD.exec(this.text.slice(this.pos, this.pos + 60))?.[0]?.slice(0, -1);
    if (field === undefined) {
      const word = this.value(false);
      if (!word) return null;
      if (!this.endsCleanly()) return this.fail(start, "unexpected character after the text; put text with quotes or parentheses in double quotes"), null;
      if (word.wildcard) {
        this.errors.push({ start, end: word.end, message: `wildcards work in field values (e.g. type:task_*); to search for "${word.value}" as text, put it in double quotes` });
        return null;
      }
      return { kind: "term", dimension: "text", field: "text", start, end: word.end, values: [word] };
    }
    this.pos += field.length + 1;
    const target = fieldTarget(field);
    if (!target) {
      const near = suggestFields(field);
      this.fail(start, `"${field.slice(0, 60)}" is not a field${near.length > 0 ? `; did you mean ${near.join(", ")}?` : ""} (put text with a colon in double quotes)`);
      return null;
    }
    const values: ValueNode[] = [];
    for (;;) {
      const value = this.value(true);
      if (!value) return this.fail(start, `${field}: a quote is not closed`), null;
      values.push(value);
      if (this.at() !== ",") break;
      this.pos++;
    }
    if (!this.endsCleanly()) return this.fail(start, `${field}: unexpected character after the value`), null;
    if (values.some((v) => v.value === "" && v.end === v.start)) {
      this.errors.push({ start, end: this.pos, message: `${field}: needs a value` });
      return null;
    }
    const end = this.pos;
    return "dimension" in target ? { kind: "term", dimension: target.dimension, field, start, end, values } : { kind: "time", key: target.time, field, start, end, values };
  }
}

class Parser {
  private i = 0;
  private terms = 0;
  error: TextError | null = null;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private op(t: Token | undefined): Exclude<Token["kind"], "item"> | undefined {
    return t && t.kind !== "item" ? t.kind : undefined;
  }
  private fail(start: number, end: number, message: string): never {
    this.error ??= { start, end, message };
    throw this.error;
  }
  private startsUnary(t: Token | undefined) {
    const op = this.op(t);
    return t !== undefined && op !== "and" && op !== "or" && op !== ")";
  }

  parse(): Node | null {
    if (this.tokens.length === 0) return null;
    const node = this.or(0);
    const rest = this.peek();
    if (rest) this.fail(rest.start, rest.end, `")" closes no "("`);
    return node;
  }

  private or(depth: number): Node {
    const args = [this.and(depth)];
    while (this.op(this.peek()) === "or") {
      const operator = this.tokens[this.i++]!;
      if (!this.startsUnary(this.peek())) this.fail(operator.start, operator.end, "OR needs a condition after it");
      args.push(this.and(depth));
    }
    return args.length === 1 ? args[0]! : { kind: "or", start: args[0]!.start, end: args.at(-1)!.end, args };
  }

  private and(depth: number): Node {
    const first = this.peek();
    if (first && (this.op(first) === "or" || this.op(first) === "and")) this.fail(first.start, first.end, `${this.op(first)!.toUpperCase()} needs a condition before it`);
    const args = [this.unary(depth)];
    for (;;) {
      const next = this.peek();
      if (this.op(next) === "and") {
        this.i++;
        if (!this.startsUnary(this.peek())) this.fail(next!.start, next!.end, "AND needs a condition after it");
      } else if (!this.startsUnary(next)) break;
      args.push(this.unary(depth));
    }
    return args.length === 1 ? args[0]! : { kind: "and", start: args[0]!.start, end: args.at(-1)!.end, args };
  }

  private unary(depth: number): Node {
    const t = this.peek();
    if (!t) return this.fail(this.length, this.length, "the query ends where a condition was expected");
    if (depth > MAX_DEPTH) this.fail(t.start, t.end, `the query nests more than ${MAX_DEPTH} levels deep`);
    const op = this.op(t);
    if (op === "not") {
      this.i++;
      if (!this.startsUnary(this.peek())) this.fail(t.start, t.end, "NOT needs a condition after it");
      const arg = this.unary(depth + 1);
      return { kind: "not", start: t.start, end: arg.end, arg };
    }
    if (op === "(") {
      this.i++;
      if (this.op(this.peek()) === ")") this.fail(t.start, this.peek()!.end, "empty parentheses: put a condition inside or remove them");
      if (!this.peek()) this.fail(t.start, t.end, `this "(" is not closed`);
      const inner = this.or(depth + 1);
      const close = this.peek();
      if (this.op(close) !== ")") this.fail(t.start, t.end, `this "(" is not closed`);
      this.i++;
      return { ...inner, start: t.start, end: close!.end };
    }
    if (op === ")") this.fail(t.start, t.end, `")" closes no "("`);
    if (op === "and" || op === "or") this.fail(t.start, t.end, `${op.toUpperCase()} needs a condition before it`);
    this.i++;
    const node = (t as Extract<Token, { kind: "item" }>).node;
    this.terms += node.kind === "not" ? valuesOf(node.arg) : valuesOf(node);
    if (this.terms > MAX_TERMS) this.fail(t.start, t.end, `the query has more than ${MAX_TERMS} conditions`);
    return node;
  }
}

const valuesOf = (node: Node) => (node.kind === "term" || node.kind === "time" ? node.values.length : 1);

/** The text as a tree with spans, or every error found (token errors first, then the first structural one). */
export function parseQuery(text: string): { ok: true; node: Node | null } | { ok: false; errors: TextError[] } {
  if (text.length > MAX_QUERY_LENGTH) return { ok: false, errors: [{ start: MAX_QUERY_LENGTH, end: text.length, message: `the query is longer than ${MAX_QUERY_LENGTH} characters` }] };
  const lexer = new Lexer(text);
  const tokens = lexer.tokens();
  const parser = new Parser(tokens, text.length);
  let node: Node | null = null;
  try {
    node = parser.parse();
  } catch (error) {
    if (error !== parser.error) throw error;
  }
  const errors = [...lexer.errors, ...(parser.error ? [parser.error] : [])];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, node };
}
