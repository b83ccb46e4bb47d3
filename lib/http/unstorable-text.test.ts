import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./unstorable-text";

describe("findUnstorableText", () => {
  it("passes text PostgreSQL stores, however odd", () => {
    expect(findUnstorableText({ name: "\u202eexe.txt \u{1F4A9} \u0007", __proto__: ["\uFFFD", 1, null, true], nested: { "": "" } })).toBeNull();
    expect(findUnstorableText("plain")).toBeNull();
  });

  it("names where a NUL or a lone surrogate is, in a value or a key", () => {
    expect(findUnstorableText("a\u0000")).toEqual({ field: "(input)", message: expect.stringContaining("NUL") });
    expect(findUnstorableText({ to: ["x@example.com", "y\u0000@example.com"] })).toMatchObject({ field: "to.1" });
    expect(findUnstorableText({ settings: { then: "\udc00x" } })).toEqual({ field: "settings.then", message: expect.stringContaining("surrogate") });
    expect(findUnstorableText({ settings: { "k\ud800": 1 } })).toEqual({ field: "settings.k\uFFFD", message: expect.stringMatching(/^the key holds half/) });
  });

  it("walks a body nested far deeper than the call stack would allow", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`) as unknown;
    expect(findUnstorableText(deep)?.field).toMatch(/^(0\.){100}…$/);
  });
});
