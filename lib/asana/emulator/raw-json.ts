/**
 * A record served as this exact JSON text: numbers no JavaScript number can hold (1e999999),
 * nesting deeper than JSON.stringify can follow, escapes written a particular way. Asana's
 * own serialiser is not JavaScript's, so what it sends need not be what JSON.stringify
 * would write. The parsed value is kept for the emulator's filters and for tests.
 */
export class RawJson {
  readonly value: unknown;

  constructor(readonly text: string) {
    this.value = JSON.parse(text);
  }

  /** What `?opt_pretty` and tests that serialise a page see: the parsed value. */
  toJSON(): unknown {
    return this.value;
  }
}

/** The value a filter reads: the parsed record of a RawJson, or the record itself. */
export function recordValue(record: unknown): unknown {
  return record instanceof RawJson ? record.value : record;
}

/** The record's JSON text as served. */
export function recordText(record: unknown): string {
  return record instanceof RawJson ? record.text : (JSON.stringify(record) ?? "null");
}
