import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, SecretBoxError } from "./secret-box";

const key = "secret-box-test-session-secret-0123456789";

describe("the secret box", () => {
  it("seals JSON so that only the same channel under the same session secret opens it", () => {
    const value = { url: "https://hooks.slack.com/services/T0/B0/abc", n: 1 };
    const sealed = sealSecret("channel-a", value, key);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain("hooks.slack.com");
    expect(openSecret("channel-a", sealed, key)).toEqual(value);
    // A fresh IV each time: the same value never seals to the same text.
    expect(sealSecret("channel-a", value, key)).not.toBe(sealed);
    expect(() => openSecret("channel-b", sealed, key)).toThrow(SecretBoxError);
    expect(() => openSecret("channel-a", sealed, "another-session-secret-0123456789abcdef")).toThrow(/NEXTAUTH_SECRET/);
    const [v, iv, body, tag] = sealed.split(".");
    const flipped = `${body!.slice(0, -2)}${body!.at(-2) === "A" ? "B" : "A"}${body!.at(-1)}`;
    expect(() => openSecret("channel-a", [v, iv, flipped, tag].join("."), key)).toThrow(SecretBoxError);
    expect(() => openSecret("channel-a", `v2.${iv}.${body}.${tag}`, key)).toThrow(/format/);
    expect(() => openSecret("channel-a", "plain text", key)).toThrow(SecretBoxError);
  });
});
