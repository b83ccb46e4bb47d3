import { describe, expect, it } from "vitest";
import { indentJsonText, jsonText, nestsDeeperThan } from "./json-text";

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("jsonText", () => {
  it.each<[string, unknown]>([
    ["an object", { a: 1, b: "two", c: [true, null, { d: 1.5 }], e: {} , f: [] }],
    ["a string with quotes and controls", 'say "hi"\n\u0000\u202e'],
    ["numbers", [0, -1, 1e21, 1.25, Number.NaN, Infinity]],
    ["prototype names as keys", JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "toString": 2}')],
    ["a scalar", 42],
    ["null", null],
  ])("writes %s as JSON.stringify does", (_name, value) => {
    expect(jsonText(value, { max: 10_000 })).toEqual({ text: JSON.stringify(value), cut: false });
    expect(jsonText(value, { max: 10_000, indent: 2 })).toEqual({ text: JSON.stringify(value, null, 2), cut: false });
  });

  it("writes a value nested 100,000 levels deep without recursing, cut at the bound", () => {
    const value = JSON.parse(deep(100_000)) as unknown;
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    const { text, cut } = jsonText(value, { max: 5_000, indent: 2 });
    expect(cut).toBe(true);
    expect(text.length).toBeLessThanOrEqual(5_001);
  });

  it("cuts a megabyte string at the bound", () => {
    const { text, cut } = jsonText({ old_value: "x".repeat(1_000_000) }, { max: 100 });
    expect(cut).toBe(true);
    expect(text).toBe(`${'{"old_value":"'}${"x".repeat(86)}…`);
  });
});

describe("indentJsonText", () => {
  it.each([
    ['{"a":1,"b":[1,2,{"c":"d"}],"e":{},"f":[]}'],
    ['[{"x":"a string with {braces}, [brackets], \\"quotes\\" and: colons"}]'],
    ['  {  "spaced" :  [ 1 , 2 ] }  '],
    ["42"],
  ])("indents %s as JSON.stringify(JSON.parse(…), null, 2) would", (source) => {
    expect(indentJsonText(source, { max: 10_000 })).toEqual({ text: JSON.stringify(JSON.parse(source), null, 2), cut: false });
  });

  it("keeps numbers, key order and duplicate keys exactly as sent", () => {
    expect(indentJsonText('{"b":1.0e+2,"a":12345678901234567890,"b":2}', { max: 1_000 }).text).toBe('{\n  "b": 1.0e+2,\n  "a": 12345678901234567890,\n  "b": 2\n}');
  });

  it("passes text that is not JSON through", () => {
    expect(indentJsonText("not json at all", { max: 1_000 })).toEqual({ text: "not json at all", cut: false });
  });

  it("indents only the first levels of 20,000 and stays linear in size", () => {
    const source = `{"deep": ${deep(20_000)}}`;
    const { text, cut } = indentJsonText(source, { max: 1_000_000, maxIndent: 8 });
    expect(cut).toBe(false);
    expect(text.split("\n").length).toBeLessThan(20);
    expect(text.replace(/\s/g, "")).toBe(source.replace(/\s/g, ""));
  });

  it("stops at the bound, inside a megabyte string too", () => {
    const { text, cut } = indentJsonText(`{"old_value": "${"x".repeat(1_000_000)}"}`, { max: 200 });
    expect(cut).toBe(true);
    expect(text.length).toBe(201);
    expect(text.startsWith('{\n  "old_value": "xxx')).toBe(true);
  });
});

describe("nestsDeeperThan", () => {
  it.each([
    ['{"a": [1, {"b": 2}]}', 2, true],
    ['{"a": [1, {"b": 2}]}', 3, false],
    ['{"a": "[[[[[[[[[[ in a string ]]]]"}', 1, false],
    ['{"a": "escaped \\" [[[[["}', 1, false],
    ["42", 0, false],
    [deep(20_000), 64, true],
  ])("%s deeper than %i: %s", (source, limit, expected) => {
    expect(nestsDeeperThan(source, limit)).toBe(expected);
  });
});
