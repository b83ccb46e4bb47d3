import { describe, expect, it } from "vitest";
import { BUCKET_ORIGIN, bucketFor, bucketStart, bucketStarts, MAX_BUCKETS } from "./buckets";

const YEAR = 365.25 * 86_400_000;
const at = (iso: string) => new Date(iso);

describe("bucketFor", () => {
  it.each([
    ["15 minutes", 15 * 60_000, "1m"],
    ["a week", 7 * 86_400_000, "3h"],
    ["90 days", 90 * 86_400_000, "1d"],
    ["five years", 5 * YEAR, "1w"],
  ])("keeps the usual bars for %s", (_name, span, key) => {
    expect(bucketFor(span).key).toBe(key);
  });

  it.each([
    ["a century (2000 to 2100)", at("2000-01-01T00:00:00Z"), at("2100-12-31T00:00:00Z")],
    ["the year 1 to now", at("0001-01-01T00:00:00Z"), at("2026-11-27T12:00:00Z")],
    ["now to 9999-12-31", at("2026-11-27T12:00:00Z"), at("9999-12-31T12:00:00.001Z")],
    ["the year 1 to 9999", at("0001-01-01T00:00:00Z"), at("9999-12-31T23:59:59.999Z")],
    ["PostgreSQL's first day to JavaScript's last", at("-004713-11-24T00:00:00Z"), new Date(8.64e15)],
    ["an odd start, a week and a minute", at("2026-11-20T10:17:03.123Z"), at("2026-11-27T10:18:03.123Z")],
  ])("never makes more than MAX_BUCKETS + 1 bars, for %s", (_name, from, to) => {
    const bucket = bucketFor(to.getTime() - from.getTime());
    const starts = bucketStarts(from, to, bucket);
    expect(starts.length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
    expect(starts[0]!.getTime()).toBeLessThanOrEqual(from.getTime());
    expect(starts.at(-1)!.getTime() + bucket.ms).toBeGreaterThanOrEqual(to.getTime());
    // Buckets stay whole days (and weeks) from the origin, so they line up with the rollups.
    expect(Math.abs((starts[0]!.getTime() - BUCKET_ORIGIN.getTime()) % bucket.ms)).toBe(0);
  });

  it("refuses to lay out more buckets than the bound, before allocating them", () => {
    const from = at("2026-11-27T12:00:00Z");
    const minute = bucketFor(0);
    expect(() => bucketStarts(from, at("2099-12-31T00:00:00Z"), minute)).toThrow(RangeError);
    expect(bucketStarts(from, new Date(from.getTime() + MAX_BUCKETS * 60_000), minute)).toHaveLength(MAX_BUCKETS);
  });

  it("finds the bucket of an instant before the origin, as date_bin does", () => {
    const week = bucketFor(5 * YEAR);
    expect(bucketStart(at("1999-12-30T00:00:00Z"), week).toISOString()).toBe("1999-12-27T00:00:00.000Z");
  });
});
