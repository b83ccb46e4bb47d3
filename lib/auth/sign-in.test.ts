import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Before lib/env.ts is first read: no real waiting between failures in tests.
  process.env.AUTH_FAILURE_DELAY = "1ms";
  process.env.AUTH_LOCKOUT_THRESHOLD = "5";
  process.env.AUTH_LOCKOUT_IP_THRESHOLD = "8";
});

import { db } from "@/lib/db/client";
import { addAdmin, removeAdmin, setAdminPassword } from "./admins";
import { authorizePassword, TOO_MANY_ATTEMPTS } from "./credentials";
import { openSession, revokeSession, validateSession } from "./sessions";
import { throttleState } from "./throttle";

const PASSWORD = "correct horse battery staple";
const from = (ip: string) => ({ "x-forwarded-for": ip, "user-agent": "vitest" });

beforeEach(async () => {
  await db().$executeRawUnsafe("TRUNCATE admin_user, admin_session, sign_in_attempt, dashboard_audit_entry CASCADE");
  await addAdmin({ email: "Admin@Example.com", name: "Admin", password: PASSWORD });
});

describe("password sign-in", () => {
  it("accepts the right password, whatever the e-mail's case, and records nothing but the attempt", async () => {
    const user = await authorizePassword({ email: "ADMIN@example.com", password: PASSWORD }, from("192.0.2.1"));
    expect(user).toMatchObject({ email: "admin@example.com", name: "Admin" });
    expect(await db().signInAttempt.count({ where: { success: true } })).toBe(1);
  });

  it("refuses a wrong password and an unknown e-mail alike, and audits both failures", async () => {
    expect(await authorizePassword({ email: "admin@example.com", password: "wrong password" }, from("192.0.2.1"))).toBeNull();
    expect(await authorizePassword({ email: "nobody@example.com", password: PASSWORD }, from("192.0.2.1"))).toBeNull();
    const trail = await db().dashboardAuditEntry.findMany({ orderBy: { at: "asc" } });
    expect(trail.map((e) => [e.action, e.actorEmail, e.ip, (e.details as { reason: string }).reason])).toEqual([
      ["sign_in.failure", "admin@example.com", "192.0.2.1", "wrong_password"],
      ["sign_in.failure", "nobody@example.com", "192.0.2.1", "unknown_email"],
    ]);
  });

  it("locks an e-mail after five failures, for the addresses that failed even with the right password, and audits the refusal", async () => {
    for (let i = 0; i < 5; i++) expect(await authorizePassword({ email: "admin@example.com", password: `guess ${i}` }, from(`192.0.2.${i + 10}`))).toBeNull();
    await expect(authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("192.0.2.12"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    const state = await throttleState({ email: "admin@example.com", ip: "192.0.2.12" });
    expect(state.locked).toBe(true);
    expect(state.retryAt!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect((await throttleState({ email: "admin@example.com" })).locked, "no address known: locked").toBe(true);
    expect(await db().dashboardAuditEntry.count({ where: { action: "sign_in.locked" } })).toBe(1);
    // Refused attempts are not counted: the lock ends on time however often one knocks.
    expect(await db().signInAttempt.count()).toBe(5);
  });

  it("case 11: one address locking an admin's e-mail does not lock the admin out: the right password from an address with no recent failures gets in", async () => {
    const attacker = from("198.51.100.66");
    for (let i = 0; i < 5; i++) await authorizePassword({ email: "admin@example.com", password: `guess ${i}` }, attacker);
    await expect(authorizePassword({ email: "admin@example.com", password: `guess 6` }, attacker)).rejects.toThrow(TOO_MANY_ATTEMPTS);
    await expect(authorizePassword({ email: "admin@example.com", password: PASSWORD }, attacker)).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("192.0.2.1"))).toMatchObject({ email: "admin@example.com" });
  });

  it("case 11: a wrong guess from a fresh address while the e-mail is locked is counted, and the lock then holds for that address", async () => {
    for (let i = 0; i < 5; i++) await authorizePassword({ email: "admin@example.com", password: `guess ${i}` }, from("198.51.100.66"));
    expect(await authorizePassword({ email: "admin@example.com", password: "another guess" }, from("203.0.113.5"))).toBeNull();
    await expect(authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("203.0.113.5"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await db().signInAttempt.count({ where: { success: false } })).toBe(6);
  });

  it("locks one address trying many e-mails (password spraying)", async () => {
    for (let i = 0; i < 8; i++) await authorizePassword({ email: `user${i}@example.com`, password: "Winter2026!" }, from("198.51.100.7"));
    await expect(authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("198.51.100.7"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    // The admin, from anywhere else, is not locked out by it.
    expect(await authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("192.0.2.1"))).not.toBeNull();
  });

  it("counts parallel guesses one by one: none slips in past the lock", async () => {
    const guesses = Array.from({ length: 12 }, (_, i) => authorizePassword({ email: "admin@example.com", password: `parallel ${i}` }, from("203.0.113.7")));
    const results = await Promise.allSettled(guesses);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(7);
    expect(await db().signInAttempt.count()).toBe(5);
  });

  it("a success clears the e-mail's count", async () => {
    for (let i = 0; i < 4; i++) await authorizePassword({ email: "admin@example.com", password: `guess ${i}` }, from("192.0.2.1"));
    expect(await authorizePassword({ email: "admin@example.com", password: PASSWORD }, from("192.0.2.1"))).not.toBeNull();
    expect((await throttleState({ email: "admin@example.com" })).emailFailures).toBe(0);
  });
});

describe("the session registry", () => {
  async function signedIn() {
    const admin = await db().adminUser.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    return openSession({ adminId: admin.id, provider: "credentials", ip: "192.0.2.1" });
  }

  it("knows a fresh session and who it belongs to", async () => {
    const { id } = await signedIn();
    expect(await validateSession(id)).toMatchObject({ email: "admin@example.com", provider: "credentials" });
  });

  it("refuses a signed-out, an expired, a removed admin's and an unknown session", async () => {
    const signedOut = await signedIn();
    await revokeSession(signedOut.id);
    expect(await validateSession(signedOut.id)).toBeNull();

    const expired = await signedIn();
    await db().adminSession.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSession(expired.id)).toBeNull();

    const removed = await signedIn();
    await removeAdmin("admin@example.com");
    expect(await validateSession(removed.id)).toBeNull();

    expect(await validateSession("6f1c2b1e-0000-4000-8000-000000000000")).toBeNull();
    expect(await validateSession("not-a-uuid")).toBeNull();
  });

  it("ends every session of an admin whose password is changed", async () => {
    const { id } = await signedIn();
    await setAdminPassword("admin@example.com", "a brand new long password");
    expect(await validateSession(id)).toBeNull();
  });

  it("lives for AUTH_SESSION_MAX_AGE from sign-in (8 hours by default), however active", async () => {
    const { expiresAt } = await signedIn();
    expect(Math.round((expiresAt.getTime() - Date.now()) / 60_000)).toBe(8 * 60);
  });
});
