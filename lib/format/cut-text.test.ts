import { describe, expect, it } from "vitest";
import { cutText } from "./cut-text";

describe("cutText", () => {
  it("counts code points as PostgreSQL's left() does, and says when it cut", () => {
    expect(cutText("abc", 3)).toEqual({ value: "abc" });
    expect(cutText("abcd", 3)).toEqual({ value: "abc", cut: true });
    expect(cutText("😀😀😀", 3)).toEqual({ value: "😀😀😀" });
    expect(cutText("😀😀😀😀", 3)).toEqual({ value: "😀😀😀", cut: true });
    expect(cutText("x".repeat(200_000), 500)).toEqual({ value: "x".repeat(500), cut: true });
  });
});
