import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "notify-loop-test-secret-0123456789abcdefgh";
  process.env.NEXTAUTH_URL = "http://dashboard.test";
});

import { startDeliveryLoop, wakeDeliveries } from "./loop";
import { createChannel } from "./save-channel";
import { deliveriesOf, insertAlert, insertRule, queue, startReceiver, type Receiver } from "./test-support";

describe("the delivery loop", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
    await insertRule("test.loop");
    await createChannel({ kind: "webhook", name: "Loop", url: `${receiver.url}/loop` }, { actor: "admin@example.com", request: {} });
  });
  afterAll(() => receiver.close());

  it("sends what was queued as soon as it is woken, and stops cleanly", async () => {
    // Without a loop (a command line, a test), waking is a no-op.
    expect(() => wakeDeliveries()).not.toThrow();
    // A poll too slow to matter here: only the wake-up can send in time.
    const loop = startDeliveryLoop({ intervalMs: 3_600_000 });
    expect(startDeliveryLoop()).toBe(loop);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const alertId = await insertAlert({ ruleId: "test.loop" });
      await queue([alertId]);
      const queuedAt = Date.now();
      wakeDeliveries();
      await vi.waitFor(async () => expect(await deliveriesOf(alertId)).toMatchObject([{ status: "sent" }]), { timeout: 5_000, interval: 50 });
      expect(Date.now() - queuedAt).toBeLessThan(3_000);
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await loop.stop();
    }
    // Stopped: a wake-up sends nothing more.
    const later = await insertAlert({ ruleId: "test.loop" });
    await queue([later]);
    wakeDeliveries();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await deliveriesOf(later)).toMatchObject([{ status: "pending", attempts: 0 }]);
  });
});
