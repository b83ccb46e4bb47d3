import { Faker, base, en } from "@faker-js/faker";
import { drawAddress, type Block } from "./addresses";
import { INTEGRATIONS, OKTA, SITES } from "./networks";
import { Rng, hash3 } from "./random";
import type { Trip } from "./travel";

/**
 * The people and objects of the synthetic organisation. Small pools (people, teams, projects...)
 * are made once with a seeded faker; large ones (tasks, attachments, comments...) are never held:
 * member k's gid and name are functions of (seed, k).
 */

/** Gid ranges per kind. Numbers stay below 2^53 so they compare exactly as numbers. */
export const GID_BASE = {
  user: 1201000000000000,
  former_user: 1201500000000000,
  service: 1201900000000000,
  team: 1202000000000000,
  project: 1203000000000000,
  portfolio: 1204000000000000,
  goal: 1205000000000000,
  custom_field: 1206000000000000,
  division: 1207000000000000,
  task_template: 1208000000000000,
  project_template: 1208500000000000,
  workspace_announcement: 1209000000000000,
  task: 1210000000000000,
  attachment: 1211000000000000,
  message: 1212000000000000,
  story: 1213000000000000,
  status_update: 1214000000000000,
  search: 1215000000000000,
  event: 1220000000000000,
} as const;

/**
 * A gid as a string. Converting a 16-digit double with String() costs about five times more than
 * two small integers, and a page converts two gids per event.
 */
export function gidString(n: number): string {
  if (n < 1e8) return String(n);
  const hi = Math.floor(n / 1e8);
  const lo = String(n - hi * 1e8);
  return `${hi}${"00000000".slice(lo.length)}${lo}`;
}

export interface Person {
  gid: string;
  gidNum: number;
  name: string;
  email: string;
  /** Their broadband at home, in their office's city (a service account's: the cloud it runs in). */
  homeIp: string;
  homeIpv6: string;
  /** The exit of the commercial VPN they use from home, or "" (most people use none). */
  vpnIp: string;
  browser: number;
  /** Index into SITES (networks.ts). */
  office: number;
  /** Their business trip, if they take one (travel.ts). */
  trip: Trip | null;
  /**
   * Ordinary event position from which this person no longer acts: they left the organisation
   * (incidents.ts). Infinity for everyone still here.
   */
  leftAt: number;
}

export interface Named {
  gid: string;
  gidNum: number;
  name: string;
}

export interface LazyPool {
  base: number;
  count: number;
  name(index: number): string | null;
}

/** People who left before the generated span: what ordinary deprovisionings remove. Never actors. */
export interface FormerPool {
  base: number;
  count: number;
  name(index: number): string;
  email(index: number): string;
}

export interface Pools {
  workspace: { gid: string; gidNum: number; name: string; domain: string };
  users: Person[];
  /** Power for picking an acting member: as skewed as possible while no one tops ~1.2% of events. */
  userSkew: number;
  admins: Person[];
  serviceAccounts: Person[];
  /** The one integration doing about 2% of everything. */
  busy: Person;
  scim: Person;
  externalAdmins: Array<{ name: string; email: string }>;
  teams: Named[];
  projects: Named[];
  portfolios: Named[];
  goals: Named[];
  customFields: Named[];
  divisions: Named[];
  taskTemplates: Named[];
  projectTemplates: Named[];
  announcements: Named[];
  oauthApps: readonly string[];
  former: FormerPool;
  lazy: Record<"task" | "attachment" | "message" | "story" | "status_update", LazyPool>;
}

export const OAUTH_APPS = [
  "Slack",
  "Zapier",
  "Microsoft Teams",
  "Jira Cloud",
  "Google Drive",
  "Tableau",
  "Salesforce",
  "Power BI",
  "Zoom",
  "GitHub",
  "Okta",
  "Harvest",
] as const;

/** Share of people who connect from home through a commercial VPN, some of the time. */
const VPN_USERS = 0.04;
const FILE_EXTENSIONS = ["pdf", "png", "docx", "xlsx", "pptx", "jpg", "csv", "zip", "mp4", "txt"];
const DIVISIONS = ["North America", "EMEA", "APAC", "Research & Development", "Go-to-Market", "Operations"];
const PROJECT_SUFFIXES = ["Launch", "Roadmap", "Planning", "Migration", "Tracker", "Backlog", "Redesign", "Campaign", "Onboarding", "Audit"];

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)));

/** An office, in proportion to the people who work there. */
function pickOffice(rng: Rng): number {
  let u = rng.next();
  for (let k = 0; k < SITES.length; k++) {
    u -= SITES[k]!.share;
    if (u < 0) return k;
  }
  return 0;
}

export function buildPools(seed: number, events: number, workspaceGid: string): Pools {
  const faker = new Faker({ locale: [en, base], seed });
  const rng = new Rng().reset(seed, 0, 0x9001);
  const company = faker.company.name();
  const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example.com`;
  const emails = new Set<string>();
  const uniqueEmail = (local: string) => {
    const clean = local.toLowerCase().replace(/[^a-z0-9.]+/g, "");
    let email = `${clean}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${clean}${n}@${domain}`;
    emails.add(email);
    return email;
  };
  const person = (gidNum: number, name: string, local: string, cloud?: Block): Person => {
    const gid = String(gidNum);
    const email = uniqueEmail(local);
    const office = pickOffice(rng);
    const site = SITES[office]!;
    const homeIp = drawAddress(cloud ?? rng.pick(site.homes), rng);
    return {
      gid,
      gidNum,
      name,
      email,
      homeIp,
      homeIpv6: cloud ? homeIp : drawAddress(rng.pick(site.homesV6), rng),
      vpnIp: !cloud && rng.chance(VPN_USERS) ? drawAddress(rng.pick(site.vpn), rng) : "",
      browser: rng.int(1000),
      office,
      trip: null,
      leftAt: Number.POSITIVE_INFINITY,
    };
  };

  const userCount = clamp(events / 200, 100, 4000);
  const users: Person[] = [];
  for (let k = 0; k < userCount; k++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    users.push(person(GID_BASE.user + k, `${first} ${last}`, `${first}.${last}`));
  }
  // Administrators are not the busiest members, so admin work does not pile onto one person.
  const admins = users.slice(-Math.max(3, Math.round(userCount / 40)));
  const serviceAccounts = [
    person(GID_BASE.service + 0, "SCIM Provisioning (Okta)", "svc-scim", OKTA),
    person(GID_BASE.service + 1, "Audit Log Exporter", "svc-audit-export", INTEGRATIONS),
    person(GID_BASE.service + 2, "Workflow Automation", "svc-workflow", INTEGRATIONS),
    person(GID_BASE.service + 3, "Data Warehouse Sync", "svc-dwh", INTEGRATIONS),
  ];
  const externalAdmins = Array.from({ length: 3 }, () => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return { name: `${first} ${last}`, email: `${first}.${last}@partner-msp.example.net`.toLowerCase() };
  });

  const named = (kind: keyof typeof GID_BASE, count: number, make: (k: number) => string): Named[] =>
    Array.from({ length: count }, (_, k) => ({ gid: String(GID_BASE[kind] + k), gidNum: GID_BASE[kind] + k, name: make(k) }));

  const teams = named("team", clamp(userCount / 8, 5, 300), () => `${faker.commerce.department()} ${faker.word.noun()}`);
  const projects = named(
    "project",
    clamp(userCount * 1.5, 20, 3000),
    () => `${faker.commerce.productAdjective()} ${faker.commerce.product()} ${rng.pick(PROJECT_SUFFIXES)}`,
  );
  const portfolios = named("portfolio", clamp(projects.length / 15, 3, 200), () => `${faker.commerce.department()} portfolio`);
  const goals = named("goal", clamp(userCount / 10, 5, 400), () => `${faker.company.buzzVerb()} ${faker.company.buzzNoun()}`);
  const customFields = named("custom_field", clamp(userCount / 20, 8, 120), () => `${faker.word.adjective()} ${faker.word.noun()}`);
  const divisions = named("division", 3 + (seed % 4), (k) => DIVISIONS[k] ?? `Division ${k}`);
  const taskTemplates = named("task_template", clamp(userCount / 25, 5, 80), () => `${faker.hacker.verb()} ${faker.hacker.noun()} checklist`);
  const projectTemplates = named("project_template", clamp(userCount / 30, 4, 60), () => `${faker.commerce.department()} project template`);
  const announcements = named("workspace_announcement", 12, () => faker.company.catchPhrase());

  const verbs = Array.from({ length: 120 }, () => faker.hacker.verb());
  const adjectives = Array.from({ length: 120 }, () => faker.hacker.adjective());
  const nouns = Array.from({ length: 200 }, () => faker.hacker.noun());
  const words = (k: number, salt: number) => {
    const h = hash3(seed, k, salt);
    return [verbs[h % verbs.length], adjectives[(h >>> 8) % adjectives.length], nouns[(h >>> 16) % nouns.length]] as string[];
  };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const lazy = (kind: keyof typeof GID_BASE, count: number, name: (k: number) => string | null): LazyPool => ({
    base: GID_BASE[kind],
    count: Math.max(1, Math.round(count)),
    name,
  });

  // Drawn after everything else, so that every pool above keeps its values for a seed.
  const formerFirst = Array.from({ length: 120 }, () => faker.person.firstName());
  const formerLast = Array.from({ length: 160 }, () => faker.person.lastName());
  const formerName = (k: number): [string, string] => {
    const h = hash3(seed, k, 6);
    return [formerFirst[h % formerFirst.length]!, formerLast[(h >>> 12) % formerLast.length]!];
  };
  const former: FormerPool = {
    base: GID_BASE.former_user,
    // Large enough that a person is rarely removed twice.
    count: clamp(events / 20, 1000, 500_000),
    name: (k) => formerName(k).join(" "),
    email: (k) => {
      const local = formerName(k).join(".").toLowerCase().replace(/[^a-z0-9.]+/g, "");
      // Never the address of someone still here.
      return emails.has(`${local}@${domain}`) ? `${local}${2 + (k % 7)}@${domain}` : `${local}@${domain}`;
    },
  };

  return {
    workspace: { gid: workspaceGid, gidNum: Number(workspaceGid), name: company, domain },
    users,
    userSkew: Math.max(1, Math.min(1.8, Math.log(userCount) / Math.log(1 / 0.012))),
    admins,
    serviceAccounts,
    busy: serviceAccounts[2] as Person,
    scim: serviceAccounts[0] as Person,
    externalAdmins,
    teams,
    projects,
    portfolios,
    goals,
    customFields,
    divisions,
    taskTemplates,
    projectTemplates,
    announcements,
    oauthApps: OAUTH_APPS,
    former,
    lazy: {
      task: lazy("task", clamp(events / 6, 200, 5_000_000), (k) => {
        const [v, a, n] = words(k, 1);
        return `${cap(v as string)} ${a} ${n}`;
      }),
      attachment: lazy("attachment", clamp(events / 8, 100, 5_000_000), (k) => {
        const [, a, n] = words(k, 2);
        return `${a}-${n}.${FILE_EXTENSIONS[hash3(seed, k, 3) % FILE_EXTENSIONS.length]}`.replace(/\s+/g, "-");
      }),
      message: lazy("message", clamp(events / 60, 50, 500_000), (k) => {
        const [v, a, n] = words(k, 4);
        return `Re: ${v} the ${a} ${n}`;
      }),
      // Comments and other stories have no names of their own.
      story: lazy("story", clamp(events / 4, 200, 5_000_000), () => null),
      status_update: lazy("status_update", clamp(events / 80, 30, 200_000), (k) => {
        const [, a, n] = words(k, 5);
        return `Weekly status: ${a} ${n}`;
      }),
    },
  };
}
