import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), get t() { return t; } };
}

describe("RateLimiter", () => {
  it("spreads a minute's budget evenly after the first burst", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 600, burst: 10, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 10; i++) await limiter.acquire();
    expect(clock.t).toBe(0);
    for (let i = 0; i < 600; i++) await limiter.acquire();
    // 600 more at 10 a second: one minute, give or take a refill step.
    expect(clock.t).toBeGreaterThanOrEqual(59_900);
    expect(clock.t).toBeLessThanOrEqual(60_100);
  });

  it("holds everyone during a 429 pause", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 6000, now: clock.now, sleep: clock.sleep });
    limiter.pause(5_000);
    await limiter.acquire();
    expect(clock.t).toBeGreaterThanOrEqual(5_000);
  });

  it("serves concurrent callers without exceeding the rate", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, now: clock.now, sleep: clock.sleep });
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(clock.t).toBeGreaterThanOrEqual(4_000);
  });
});
