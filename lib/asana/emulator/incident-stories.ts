import { strangerIp } from "./context";
import {
  lazyResource,
  namedResource,
  tokenContext,
  userResource,
  webContext,
  workspaceResource,
  type Actor,
} from "./incident-event";
import type { Person, Pools } from "./pools";
import type { Rng } from "./random";
import type { AuditLogEventContext, AuditLogEventDetails, AuditLogEventResource } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** What a story may do: plant events, pick the people of the organisation, and find working hours. */
export interface Scene {
  readonly pools: Pools;
  readonly rng: Rng;
  add(at: number, type: string, actor: Actor, resource: AuditLogEventResource, details: AuditLogEventDetails, context: AuditLogEventContext): void;
  /** A working moment about `days` working days after `ms`. */
  later(ms: number, days: number): number;
  /** Someone at work: not an administrator, not anyone who leaves in a story, and not a traveller. */
  member(): Person;
  admin(): Person;
  /** `p` stops acting from `at` on: ordinary events no longer pick them. */
  leave(p: Person, at: number): void;
}

export type Story = (s: Scene, at: number, round: number) => void;

/** Tools that guess passwords announce themselves as browsers, or not at all. */
const ATTACK_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36",
  "python-requests/2.31.0",
  "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
];
export const SCRIPT_AGENTS = ["python-asana/5.1.0", "curl/8.7.1", "node-asana/3.2.0"];
/** Apps that spread by consent phishing: plausible names nobody in the organisation approved. */
const LURE_APPS = ["Calendar Sync Pro", "DocuView PDF Tools", "MeetingNotes AI", "Smart Gantt Export", "TeamMood Pulse"];

const failed = (s: Scene, at: number, victim: Person, ip: string, agent: string) =>
  s.add(at, "user_login_failed", victim, userResource(victim), { method: "password" }, { context_type: "web", client_ip_address: ip, user_agent: agent });

export const signedIn = (s: Scene, at: number, who: Person, ip: string, agent: string) =>
  s.add(at, "user_login_succeeded", who, userResource(who), { method: "password" }, { context_type: "web", client_ip_address: ip, user_agent: agent });

/** 20 to 27 wrong passwords for one person from one address within half an hour; mostly the last guess is right. */
export const bruteForce: Story = (s, at, round) => {
  const { rng, pools } = s;
  const victim = s.member();
  const ip = strangerIp(rng);
  const agent = rng.pick(ATTACK_AGENTS);
  let t = at;
  for (let n = 20 + rng.int(8); n > 0; n--, t += 20 * SECOND + rng.int(70 * SECOND)) failed(s, t, victim, ip, agent);
  if (round % 3 === 2) return; // the account locked before the guess came
  t += MINUTE + rng.int(4 * MINUTE);
  signedIn(s, t, victim, ip, agent);
  for (let n = 3 + rng.int(4); n > 0; n--) {
    t += 10 * SECOND + rng.int(50 * SECOND);
    s.add(t, "attachment_downloaded", victim, lazyResource(pools, "attachment", rng.int(1 << 30), "attachment_downloaded", rng), {}, { context_type: "web", client_ip_address: ip, user_agent: agent });
  }
  // The person notices the next working day.
  s.add(s.later(t, 1), "user_password_reset", victim, userResource(victim), {}, webContext(victim, rng));
};

/** One address tries one or two passwords on many people; the first spray finds one that works. */
export const passwordSpray: Story = (s, at, round) => {
  const { rng } = s;
  const ip = strangerIp(rng);
  const agent = rng.pick(ATTACK_AGENTS);
  const targets = new Set<Person>();
  for (let n = 22 + rng.int(11); targets.size < n; ) targets.add(s.member());
  let t = at;
  for (const victim of targets) {
    for (let tries = rng.chance(0.15) ? 2 : 1; tries > 0; tries--, t += 30 * SECOND + rng.int(90 * SECOND)) failed(s, t, victim, ip, agent);
  }
  if (round === 0) signedIn(s, t + rng.int(MINUTE), [...targets][rng.int(targets.size)]!, ip, agent);
};

/** Someone clears out a project: bulk deletes of 10 to 20 tasks a few seconds apart, then some are restored. */
export const massDeletion: Story = (s, at) => {
  const { rng, pools } = s;
  const who = s.member();
  const context = webContext(who, rng, true);
  const first = rng.int(1 << 30);
  let t = at;
  let n = 0;
  for (let batches = 4 + rng.int(2); batches > 0; batches--, t += 20 * SECOND + rng.int(70 * SECOND)) {
    for (let k = 12 + rng.int(9); k > 0; k--, n++, t += 100 + rng.int(400)) {
      const type = rng.chance(0.85) ? "task_deleted" : "attachment_deleted";
      s.add(t, type, who, lazyResource(pools, type === "task_deleted" ? "task" : "attachment", first + n * 7, type, rng), {}, { ...context });
    }
  }
  const restorer = rng.chance(0.5) ? who : s.admin();
  t = s.later(t, 1);
  for (let k = 4 + rng.int(7); k > 0; k--, t += 5 * SECOND + rng.int(30 * SECOND)) {
    s.add(t, "task_undeleted", restorer, lazyResource(pools, "task", first + rng.int(n) * 7, "task_undeleted", rng), {}, webContext(restorer, rng, true));
  }
};

/** 105 to 140 downloads by one person's script within about seven minutes. */
function downloadAll(s: Scene, who: Person, at: number): number {
  const { rng, pools } = s;
  const context = tokenContext(who.homeIp, rng.pick(SCRIPT_AGENTS));
  let t = at;
  s.add(t, "project_csv_export_started", who, namedResource("project", rng.pick(pools.projects), "project_csv_export_started", rng), {}, { ...context });
  for (let n = 105 + rng.int(36); n > 0; n--) {
    t += 1500 + rng.int(3000);
    s.add(t, "attachment_downloaded", who, lazyResource(pools, "attachment", rng.int(1 << 30), "attachment_downloaded", rng), {}, { ...context });
  }
  return t;
}

export const massExport: Story = (s, at) => {
  downloadAll(s, s.member(), at);
};

/**
 * Someone leaves: removed by provisioning during working hours, yet their personal access token
 * keeps working for a few more calls. The first leaver downloads everything the evening before.
 */
export const leaver: Story = (s, at, round) => {
  const { rng, pools } = s;
  const who = s.member();
  // The evening before, seen from a removal during the morning.
  if (round === 0) downloadAll(s, who, at - 14 * HOUR - rng.int(6 * HOUR));
  const bySync = rng.chance(0.6);
  const remover = bySync ? pools.scim : s.admin();
  const context: AuditLogEventContext = bySync ? { context_type: "api", api_authentication_method: "service_account", client_ip_address: pools.scim.homeIp, user_agent: "Okta SCIM 2.0" } : webContext(remover, rng, true);
  s.add(at, "user_deprovisioned", remover, userResource(who), {}, context);
  s.leave(who, at);
  // A script of theirs on a schedule: its next run comes within the hour.
  const token = tokenContext(who.homeIp, rng.pick(SCRIPT_AGENTS));
  let t = at + 5 * MINUTE + rng.int(55 * MINUTE);
  for (let n = 2 + rng.int(4); n > 0; n--, t += 30 * SECOND + rng.int(20 * MINUTE)) {
    const type = rng.pick(["attachment_downloaded", "attachment_downloaded", "project_csv_export_started"]);
    const resource = type === "attachment_downloaded" ? lazyResource(pools, "attachment", rng.int(1 << 30), type, rng) : namedResource("project", rng.pick(pools.projects), type, rng);
    s.add(t, type, who, resource, {}, { ...token });
  }
};

/** An unknown app asks for access and six to nine people grant it within hours; the admins block it the next day. */
export const consentPhishing: Story = (s, at, round) => {
  const { rng } = s;
  const app = LURE_APPS[round % LURE_APPS.length]!;
  const granted = new Set<Person>();
  for (let n = 6 + rng.int(4); granted.size < n; ) granted.add(s.member());
  let t = at;
  for (const p of granted) {
    s.add(t, "user_app_authorized", p, userResource(p), { app_name: app }, webContext(p, rng));
    t += 3 * MINUTE + rng.int(30 * MINUTE);
  }
  const admin = s.admin();
  t = s.later(t, 1);
  s.add(t, "workspace_app_admin_approval_setting_changed", admin, workspaceResource(s.pools), { app_name: app, old_value: "unreviewed", new_value: "blocked" }, webContext(admin, rng, true));
  for (const p of [...granted].slice(0, 1 + rng.int(3))) {
    t += 10 * MINUTE + rng.int(2 * HOUR);
    s.add(t, "user_app_revoked", p, userResource(p), { app_name: app }, webContext(p, rng));
  }
};
