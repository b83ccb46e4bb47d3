import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A real deployment, before lib/env.ts is first read: an Asana token, so not demo mode.
  process.env.ASANA_TOKEN = "not-a-real-token";
  process.env.NEXTAUTH_SECRET = "sign-in-address-test-secret-0123456789";
  process.env.NEXTAUTH_URL = "https://audit.company.com";
});

import { EnvError, parseEnv } from "@/lib/env";
import { signInAddress } from "./sign-in-address";

const at = (host: string, proto = "https") => new Headers({ "x-forwarded-host": host, "x-forwarded-proto": proto });

describe("case 8: signing in at another address than NEXTAUTH_URL", () => {
  const deployed = parseEnv({ ASANA_TOKEN: "x", NEXTAUTH_URL: "https://audit.company.com" });

  it("works at NEXTAUTH_URL", () => {
    expect(signInAddress(at("audit.company.com"), deployed)).toEqual({ ok: true });
  });

  it("is refused elsewhere, naming the address to use", () => {
    expect(signInAddress(at("10.0.0.5:3000", "http"), deployed)).toEqual({ ok: false, use: "https://audit.company.com", here: "http://10.0.0.5:3000" });
    expect(signInAddress(at("audit.company.com", "http"), deployed)).toMatchObject({ ok: false });
  });

  it("works anywhere in demo mode, reached as localhost, 127.0.0.1 or a name", () => {
    const demo = parseEnv({ NEXTAUTH_URL: "http://localhost:3400" });
    for (const host of ["localhost:3400", "127.0.0.1:3400", "demo-box:3400"]) expect(signInAddress(at(host, "http"), demo)).toEqual({ ok: true });
  });

  it("works at the forwarded host behind a trusted proxy when the admin opts in (AUTH_TRUST_HOST)", () => {
    const proxied = parseEnv({ ASANA_TOKEN: "x", NEXTAUTH_URL: "https://audit.company.com", AUTH_TRUST_HOST: "true", TRUSTED_PROXY_HOPS: "1" });
    expect(signInAddress(at("audit.internal.company.com"), proxied)).toEqual({ ok: true });
  });

  it("refuses AUTH_TRUST_HOST without a trusted proxy, naming both settings", () => {
    expect(() => parseEnv({ AUTH_TRUST_HOST: "true" })).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_TRUST_HOST: "true" })).toThrow(/AUTH_TRUST_HOST: needs TRUSTED_PROXY_HOPS/);
  });

  it("answers a password sign-in posted at another address with a 421 that says where to go", async () => {
    const { authPost } = await import("./handler");
    const request = new NextRequest("http://10.0.0.5:3000/api/auth/callback/credentials", {
      method: "POST",
      body: "email=a%40company.com&password=x&csrfToken=t&json=true",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-host": "10.0.0.5:3000", "x-forwarded-proto": "http" },
    });
    const answer = await authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(answer.status).toBe(421);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("wrong_address");
    expect(body.error.message).toContain("https://audit.company.com/login");
  });
});
