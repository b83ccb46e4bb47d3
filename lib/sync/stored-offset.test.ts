import { describe, expect, it } from "vitest";
import { fromStoredOffset, toStoredOffset } from "./stored-offset";

describe("stored offsets", () => {
  it.each([
    ["eyJhbGciOiJIUzI1NiJ9.eyJwb3MiOjF9.sig", false],
    ["with\u0000nul", true],
    ["lone \ud800 surrogate", true],
    ["utf16le-base64:looks encoded", true],
    ["", false],
  ])("%j is kept %s encoded, and comes back as it was", (offset, encoded) => {
    const stored = toStoredOffset(offset);
    expect(stored !== offset).toBe(encoded);
    expect(stored.includes("\u0000") || !stored.isWellFormed()).toBe(false);
    expect(fromStoredOffset(stored)).toBe(offset);
  });

  it("passes null through", () => expect(fromStoredOffset(null)).toBeNull());
});
