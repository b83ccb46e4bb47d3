import { afterEach, describe, expect, it } from "vitest";
import { onShutdown, shutDown, shutdownSignal } from "./shutdown";

// The state lives on globalThis (shared with Next.js' copy of the module): start each test afresh.
afterEach(() => void delete (globalThis as { __auditShutdown?: unknown }).__auditShutdown);

describe("shutDown", () => {
  it("aborts the signal, awaits the work, then closes resources", async () => {
    const order: string[] = [];
    onShutdown("resources", async () => void order.push("pool closed"));
    onShutdown("work", async () => {
      expect(shutdownSignal().aborted).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      order.push("page committed");
    });
    expect(await shutDown(5_000, () => undefined)).toBe("done");
    expect(order).toEqual(["page committed", "pool closed"]);
  });

  it("gives up at the bound, and a failing step holds nothing back", async () => {
    const errors: unknown[] = [];
    onShutdown("work", () => new Promise(() => undefined));
    onShutdown("work", async () => Promise.reject(new Error("lock already gone")));
    const started = Date.now();
    expect(await shutDown(100, (e) => errors.push(e))).toBe("timed out");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(errors).toHaveLength(1);
  });

  it("skips a step that unregistered (a run that ended before the signal)", async () => {
    let ran = false;
    const unregister = onShutdown("work", async () => void (ran = true));
    unregister();
    expect(await shutDown(1_000, () => undefined)).toBe("done");
    expect(ran).toBe(false);
  });
});
