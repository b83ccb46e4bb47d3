import { describe, expect, it } from "vitest";
import { bearerMatches } from "./secret";

describe("bearerMatches", () => {
  const secret = "s3cret-s3cret-s3cret";
  it("accepts the configured secret as a bearer token", () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
  });
  it.each([
    ["no header", null],
    ["another secret", "Bearer nope"],
    ["a prefix of it", `Bearer ${secret.slice(0, -1)}`],
    ["the wrong scheme", `Basic ${secret}`],
  ])("refuses %s", (_, header) => {
    expect(bearerMatches(header, secret)).toBe(false);
  });
  it("refuses everything when no secret is configured", () => {
    expect(bearerMatches("Bearer anything", undefined)).toBe(false);
  });
});
