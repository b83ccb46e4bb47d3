import { describe, expect, it } from "vitest";
import { authSecret, EnvError, parseEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-ip";
import { isCrossSite } from "@/lib/http/origin";
import { isAllowedSsoEmail } from "./allow-list";
import { safeCallbackPath } from "./callback-url";
import { failureDelay, lockEnd } from "./throttle";

describe("the single sign-on allow-list", () => {
  const e = parseEnv({ ADMIN_EMAILS: "Alice@Company.com, bob@partner.org", ADMIN_EMAIL_DOMAINS: "company.com" });

  it("lets in listed addresses and domains, whatever the case", () => {
    expect(isAllowedSsoEmail("alice@company.com", e)).toBe(true);
    expect(isAllowedSsoEmail("BOB@partner.org", e)).toBe(true);
    expect(isAllowedSsoEmail("carol@COMPANY.com", e)).toBe(true);
  });

  it("refuses everyone else, sub-domains and look-alikes included", () => {
    expect(isAllowedSsoEmail("mallory@partner.org", e)).toBe(false);
    expect(isAllowedSsoEmail("eve@evil.company.com", e)).toBe(false);
    expect(isAllowedSsoEmail("eve@company.com.evil.io", e)).toBe(false);
    expect(isAllowedSsoEmail("company.com", e)).toBe(false);
    expect(isAllowedSsoEmail(undefined, e)).toBe(false);
    expect(isAllowedSsoEmail("anyone@company.com", parseEnv({}))).toBe(false);
  });
});

describe("the way back after sign-in", () => {
  it.each([
    ["/events?type=x", "/events?type=x"],
    ["http://localhost:3000/audit", "/audit"],
    ["https://evil.example/phish", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/api/auth/signin", "/"],
    [undefined, "/"],
  ])("%s goes to %s", (raw, expected) => {
    expect(safeCallbackPath(raw, "http://localhost:3000")).toBe(expected);
  });

  // What a browser makes of a Location header, the parser makes of the candidate first.
  it.each([
    ["a tab", "/\t/evil.example/x"],
    ["a line feed", "/\n/evil.example/x"],
    ["a carriage return", "/\r/evil.example/x"],
    ["a leading tab", "\t//evil.example"],
    ["a dot segment", "/..//evil.example"],
    ["an ideographic full stop", "//evil\u3002example/x"],
    ["a backslash", "/\\/evil.example"],
    ["its own origin then //", "http://localhost:3000//evil.example"],
    ["a dot segment to the sign-in page", "/./login"],
    ["the sign-in page in capitals", "/LOGIN"],
    ["a script URL", "javascript:alert(1)"],
  ])("case 1: a path with %s cannot leave the app nor loop", (_, raw) => {
    expect(safeCallbackPath(raw, "http://localhost:3000")).toBe("/");
  });

  it.each([
    ["/events?text=\u3002", "/events?text=%E3%80%82"],
    ["/events/\u3002", "/events/%E3%80%82"],
    ["/events?text=a\tb", "/events?text=ab"],
    ["/events#x y", "/events#x%20y"],
  ])("case 1: %j is kept as the parser writes it, a valid header value", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});

describe("the client's address", () => {
  it("is the address the app's server left in X-Forwarded-For (lib/server/request-gate.ts resolves it)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "FE80::1%eth0" }))).toBe("fe80::1");
  });

  it("is never anything but a valid address (case 3)", () => {
    for (const forged of ['"><svg onload=alert(1)>', "7.7.7.8 x", "256.1.1.1", "1.2.3.4::", "localhost", ""]) {
      expect(clientAddress(new Headers({ "x-forwarded-for": forged })), forged).toBeUndefined();
    }
    expect(clientAddress(new Headers())).toBeUndefined();
  });
});

describe("the cross-site check of state-changing requests", () => {
  const app = "https://audit.company.com";
  it("lets same-origin requests through", () => {
    expect(isCrossSite(new Headers({ "sec-fetch-site": "same-origin" }), app)).toBe(false);
    expect(isCrossSite(new Headers({ origin: app }), app)).toBe(false);
    expect(isCrossSite(new Headers({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }), app)).toBe(false);
    expect(isCrossSite(new Headers(), app)).toBe(false);
  });

  it("refuses other sites, sibling sub-domains and opaque origins", () => {
    expect(isCrossSite(new Headers({ "sec-fetch-site": "cross-site", origin: app }), app)).toBe(true);
    expect(isCrossSite(new Headers({ "sec-fetch-site": "same-site" }), app)).toBe(true);
    expect(isCrossSite(new Headers({ origin: "https://evil.example", host: "audit.company.com" }), app)).toBe(true);
    expect(isCrossSite(new Headers({ origin: "null" }), app)).toBe(true);
  });
});

describe("the brute-force arithmetic", () => {
  const minute = 60_000;
  const now = new Date("2026-11-27T12:00:00Z");
  const ago = (m: number) => new Date(now.getTime() - m * minute);

  it("locks when the threshold is reached within the window, until the duration has passed", () => {
    const failures = [ago(1), ago(2), ago(3), ago(4), ago(5)];
    expect(lockEnd(failures, 5, 15 * minute, 15 * minute, now)).toEqual(new Date(ago(1).getTime() + 15 * minute));
    expect(lockEnd(failures.slice(0, 4), 5, 15 * minute, 15 * minute, now)).toBeUndefined();
  });

  it("does not lock for failures spread wider than the window, nor after the lock ran out", () => {
    expect(lockEnd([ago(1), ago(5), ago(10), ago(15), ago(20)], 5, 15 * minute, 15 * minute, now)).toBeUndefined();
    expect(lockEnd([ago(16), ago(17), ago(18), ago(19), ago(20)], 5, 15 * minute, 15 * minute, now)).toBeUndefined();
  });

  it("slows failures from half the threshold on, growing and capped", () => {
    expect([1, 2, 3, 4, 5].map((n) => failureDelay(n, 5, 500))).toEqual([0, 0, 500, 1000, 2000]);
    expect(failureDelay(100, 5, 500)).toBe(8000);
  });
});

describe("NEXTAUTH_SECRET", () => {
  it("is required outside demo mode, with an error that names it", () => {
    const e = parseEnv({ ASANA_TOKEN: "x" });
    expect(() => authSecret(e)).toThrow(EnvError);
    expect(() => authSecret(e)).toThrow(/NEXTAUTH_SECRET/);
    expect(authSecret(parseEnv({ ASANA_TOKEN: "x", NEXTAUTH_SECRET: "s".repeat(32) }))).toBe("s".repeat(32));
  });

  it("refuses a short secret", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
  });
});
