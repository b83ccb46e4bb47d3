import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "notify-email-test-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL = "http://dashboard.test";
});

import { db } from "@/lib/db/client";
import { deliverDue } from "./outbox";
import { createChannel, updateChannel } from "./save-channel";
import { sendTest } from "./send-test";
import { deliveriesOf, insertActor, insertAlert, insertRule, queue } from "./test-support";

const by = { actor: "admin@example.com", request: {} };

interface Mail {
  from: string | undefined;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** Header value of a raw message, unfolded. */
const header = (raw: string, name: string) => new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, "im").exec(raw)?.[1]?.replace(/\r\n[ \t]/g, " ");
/** A part's body with quoted-printable undone. */
const decodeQp = (text: string) => Buffer.from(text.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");

describe("e-mail deliveries", () => {
  const mails: Mail[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      secure: false,
      allowInsecureAuth: true,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "alerts" && auth.password === "smtp pass \u00e9 word") return callback(null, { user: auth.username });
        return callback(new Error("Invalid username or password"));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
    await insertRule("test.email", { name: "New workspace admin", severity: "critical" });
    await insertActor("1401", "Carol", "carol@example.com");
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("send text and HTML with the alert, escaped, a Message-ID made from the idempotency key, after SMTP authentication", async () => {
    const { channel } = await createChannel(
      { kind: "email", name: "Security team", host: "127.0.0.1", port, security: "none", user: "alerts", password: "smtp pass \u00e9 word", from: "audit@example.com", to: ["sec@example.com", "oncall@example.com"] },
      by,
    );
    const alertId = await insertAlert({ ruleId: "test.email", severity: "critical", title: "New admin <script>alert(1)</script> & \u202eco", actorKey: "1401" });
    await queue([alertId]);
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    expect(await deliveriesOf(alertId)).toMatchObject([{ status: "sent", attempts: 1, lastStatus: 250 }]);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ from: "audit@example.com", to: ["sec@example.com", "oncall@example.com"], user: "alerts" });
    expect(header(mail!.raw, "From")).toBe("Asana Audit Dashboard <audit@example.com>");
    expect(header(mail!.raw, "To")).toBe("sec@example.com, oncall@example.com");
    expect(header(mail!.raw, "Message-ID")).toBe(`<${alertId}.${channel.id}@example.com>`);
    const subject = header(mail!.raw, "Subject")!;
    // Non-ASCII (⟨RLO⟩ made visible) is MIME-encoded; decoded, it is the severity and the title.
    const decoded = subject.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, q: string) => decodeQp(q.replace(/_/g, " ")));
    expect(decoded).toBe("[CRITICAL] New admin <script>alert(1)</script> & ⟨RLO⟩co");
    const body = decodeQp(mail!.raw);
    expect(body).toContain(`Alert #${alertId}: New admin <script>alert(1)</script> & ⟨RLO⟩co`);
    expect(body).toContain("Actor: Carol <carol@example.com>");
    expect(body).toContain(`Open in Asana Audit Dashboard: http://dashboard.test/alerts?alert=${alertId}`);
    expect(body).toContain("New admin &lt;script&gt;alert(1)&lt;/script&gt; &amp; ⟨RLO⟩co");
    expect(body).toContain(`<a href="http://dashboard.test/alerts?alert=${alertId}">Open in Asana Audit Dashboard</a>`);
    expect(body).not.toContain("<script>alert(1)</script></h2>");
    expect(body).not.toContain("\u202e");
  });

  it("say when the server refuses the password, and keep a password when an edit leaves it out", async () => {
    const { channel } = await createChannel(
      { kind: "email", name: "Wrong password", host: "127.0.0.1", port, security: "none", user: "alerts", password: "not the password", from: "audit@example.com", to: ["sec@example.com"] },
      by,
    );
    const refused = await sendTest(channel.id, by);
    expect(refused).toMatchObject({ ok: false, status: 535 });
    expect(refused.error).toMatch(/^the SMTP server refused the user name or password/);
    expect(refused.error).not.toContain("not the password");
    await updateChannel(channel.id, { password: "smtp pass \u00e9 word" }, by);
    await updateChannel(channel.id, { name: "Right password", to: ["team@example.com"] }, by);
    const before = mails.length;
    expect(await sendTest(channel.id, by)).toMatchObject({ ok: true, status: 250, error: null });
    const test = mails[before]!;
    expect(test.to).toEqual(["team@example.com"]);
    expect(header(test.raw, "Subject")).toBe("[TEST] [LOW] Test notification from Asana Audit Dashboard");
    expect(decodeQp(test.raw)).toContain("This is a test message");
    const trail = await db().dashboardAuditEntry.findMany({ where: { action: "alert_channel.test", target: channel.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => (e.details as { ok: boolean }).ok)).toEqual([false, true]);
    expect(JSON.stringify(trail)).not.toContain("smtp pass");
  });

  it("fail within the time bound when no SMTP server answers", async () => {
    const { channel } = await createChannel({ kind: "email", name: "Nobody", host: "127.0.0.1", port: 9, security: "none", from: "audit@example.com", to: ["sec@example.com"] }, by);
    const outcome = await sendTest(channel.id, by);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/could not reach the SMTP server|did not answer/);
  });
});
