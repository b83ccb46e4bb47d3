import { describe, expect, it } from "vitest";
import { hasHiddenCharacters, MAX_MARKS, revealText, visibleText } from "./visible-text";

describe("visibleText", () => {
  it.each([
    ["a right-to-left override in a file name", "Admin \u202eexe.txt", "Admin ⟨RLO⟩exe.txt"],
    ["every bidi embedding, override and pop", "a\u202ab\u202bc\u202cd\u202de", "a⟨LRE⟩b⟨RLE⟩c⟨PDF⟩d⟨LRO⟩e"],
    ["bidi isolates", "\u2066x\u2067y\u2068z\u2069", "⟨LRI⟩x⟨RLI⟩y⟨FSI⟩z⟨PDI⟩"],
    ["direction marks", "a\u200eb\u200fc\u061cd", "a⟨LRM⟩b⟨RLM⟩c⟨ALM⟩d"],
    ["zero-width characters between Latin letters", "pay\u200bpal\u200c\u200d\u2060\ufeff", "pay⟨ZWSP⟩pal⟨ZWNJ⟩⟨ZWJ⟩⟨WJ⟩⟨ZWNBSP⟩"],
    ["a soft hyphen", "pay\u00adpal", "pay⟨SHY⟩pal"],
    ["control characters", "a\u0000b\u0007c\nd\te\u001b\u007f\u0085", "a⟨NUL⟩b⟨U+0007⟩c⟨LF⟩d⟨TAB⟩e⟨ESC⟩⟨DEL⟩⟨U+0085⟩"],
    ["line and paragraph separators", "a\u2028b\u2029c", "a⟨LS⟩b⟨PS⟩c"],
    ["blank letters", "\u3164\u115f\u2800", "⟨HF⟩⟨HCF⟩⟨BRAILLE BLANK⟩"],
    ["tag characters hiding ASCII", "hi\u{e0041}\u{e0042}", "hi⟨U+E0041⟩⟨U+E0042⟩"],
    ["a lone surrogate", "a\ud800b", "a⟨U+D800⟩b"],
    ["prototype names, as plain text", "__proto__ constructor toString", "__proto__ constructor toString"],
    ["markup, as plain text", "<script>alert(1)</script>", "<script>alert(1)</script>"],
    ["the replacement character, drawn as it is", "before\ufffdafter", "before\ufffdafter"],
  ])("shows %s", (_name, input, expected) => {
    expect(visibleText(input)).toBe(expected);
  });

  it.each([
    ["an emoji ZWJ sequence", "👩‍💻 and 👨🏽‍🚀"],
    ["a variation selector", "❤️"],
    ["a subdivision flag's tags", "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}"],
    ["a Persian ZWNJ", "می\u200cخواهم"],
    ["a Devanagari half form", "क्\u200dष"],
    ["Vietnamese diacritics", "Nguyễn Thị Thuỷ"],
    ["Hebrew with points", "שָׁלוֹם"],
    ["combining accents, a few per letter", "e\u0301\u0302\u0303"],
  ])("leaves %s as it is", (_name, input) => {
    expect(visibleText(input)).toBe(input);
    expect(hasHiddenCharacters(input)).toBe(false);
  });

  it("keeps a few combining marks on a letter and counts the rest", () => {
    const zalgo = `Z${"\u0301".repeat(500)}!`;
    expect(visibleText(zalgo, 1_000)).toBe(`Z${"\u0301".repeat(MAX_MARKS)}⟨+${500 - MAX_MARKS} marks⟩!`);
    expect(hasHiddenCharacters(zalgo)).toBe(true);
  });

  it.each([
    ["a 200,000-character token", "A".repeat(200_000), 300, `${"A".repeat(300)}…`],
    ["a short value", "short", 300, "short"],
    ["exactly the bound", "x".repeat(10), 10, "x".repeat(10)],
    ["astral characters, never split", "😀".repeat(20), 5, `${"😀".repeat(5)}…`],
    ["a cut in the middle of hidden characters", "\u202e".repeat(50), 3, "⟨RLO⟩⟨RLO⟩⟨RLO⟩…"],
  ])("cuts %s at the bound", (_name, input, max, expected) => {
    expect(visibleText(input, max)).toBe(expected);
  });

  it("costs what the shown part costs, whatever the length", () => {
    const huge = "\u0301".repeat(5_000_000);
    const started = performance.now();
    const { parts, cut } = revealText(huge, { max: 100 });
    expect(cut).toBe(true);
    expect(parts).toEqual([{ kind: "text", text: "\u0301".repeat(MAX_MARKS) }, { kind: "marks", count: 100 - MAX_MARKS }]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("revealText", () => {
  it("names each hidden character with its code point for a title", () => {
    expect(revealText("a\u202eb").parts).toEqual([
      { kind: "text", text: "a" },
      { kind: "hidden", code: 0x202e, label: "RLO", title: "U+202E RIGHT-TO-LEFT OVERRIDE" },
      { kind: "text", text: "b" },
    ]);
  });

  it("keeps line feeds and tabs in multi-line values when asked", () => {
    expect(revealText("a\nb\tc\u202e", { keepLines: true }).parts.map((p) => p.kind)).toEqual(["text", "hidden"]);
  });

  it("answers nothing for an empty value", () => {
    expect(revealText("")).toEqual({ parts: [], cut: false });
  });
});
