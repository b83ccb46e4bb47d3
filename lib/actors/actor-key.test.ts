import { describe, expect, it } from "vitest";
import { actorHref } from "@/components/links/entity-links";
import { actorKeyFromPath, actorKeySchema } from "./actor-key";

describe("actor keys in a route's path", () => {
  it("come back from the links' encoding whole, and only keys are taken", () => {
    for (const key of ["123456", "asana", "external_administrator:email:erin@msp.example", "external_administrator:name:100% Ops / Team #1 ?x", "external_administrator:name:__proto__"]) {
      const segment = actorHref(key).slice("/actors/".length);
      expect(actorKeyFromPath(segment)).toBe(key);
      expect(actorKeySchema.safeParse(actorKeyFromPath(segment)).success).toBe(true);
    }
    expect(actorKeyFromPath("%E0%A4%A")).toBe("%E0%A4%A");
    expect(actorKeySchema.safeParse("a".repeat(201)).success).toBe(false);
    expect(actorKeySchema.safeParse("bad\u0001key").success).toBe(false);
  });
});
