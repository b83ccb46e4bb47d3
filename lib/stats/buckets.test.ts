import { describe, expect, it } from "vitest";
import { BUCKET_ORIGIN, bucketFor, bucketForInterval, bucketStart, bucketStarts, MAX_BUCKETS, nextBucketStart, zonedBucketStart, zonedBucketStarts } from "./buckets";

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

describe("day and week buckets in a zone (cases 6 and 8)", () => {
  it("gives a weekly interval when asked, while the span holds at most MAX_BUCKETS weeks", () => {
    expect(bucketForInterval(30 * 86_400_000, "week").key).toBe("1w");
    expect(bucketForInterval(2 * 3_600_000, "day").key).toBe("1d");
    expect(bucketForInterval(30 * 86_400_000, "auto").key).toBe("1d");
    expect(bucketForInterval(20 * YEAR, "week").key).toBe(bucketFor(20 * YEAR).key);
  });

  it("starts weeks on the zone's Monday midnight", () => {
    const week = bucketForInterval(30 * 86_400_000, "week");
    const starts = zonedBucketStarts(at("2026-03-01T12:00:00Z"), at("2026-03-20T00:00:00Z"), week, "America/New_York").map((d) => d.toISOString());
    expect(starts).toEqual(["2026-02-23T05:00:00.000Z", "2026-03-02T05:00:00.000Z", "2026-03-09T04:00:00.000Z", "2026-03-16T04:00:00.000Z"]);
    expect(zonedBucketStarts(at("2026-03-01T12:00:00Z"), at("2026-03-20T00:00:00Z"), week, "UTC").map((d) => d.toISOString())).toEqual(
      bucketStarts(at("2026-03-01T12:00:00Z"), at("2026-03-20T00:00:00Z"), week).map((d) => d.toISOString()),
    );
  });

  it("makes the zone's days, one of 23 hours when the clocks go forward", () => {
    const day = bucketForInterval(10 * 86_400_000, "day");
    const starts = zonedBucketStarts(at("2026-03-28T12:00:00Z"), at("2026-03-31T00:00:00Z"), day, "Europe/Berlin");
    expect(starts.map((d) => d.toISOString())).toEqual(["2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z"]);
    expect(nextBucketStart(starts[1]!, day, "Europe/Berlin").getTime() - starts[1]!.getTime()).toBe(23 * 3_600_000);
    expect(zonedBucketStart(at("2026-03-29T21:59:59Z"), day, "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // Finer buckets keep their fixed length whatever the zone.
    const hour = bucketFor(86_400_000);
    expect(zonedBucketStarts(at("2026-03-29T00:00:00Z"), at("2026-03-29T03:00:00Z"), hour, "Europe/Berlin")).toEqual(bucketStarts(at("2026-03-29T00:00:00Z"), at("2026-03-29T03:00:00Z"), hour));
  });
});
