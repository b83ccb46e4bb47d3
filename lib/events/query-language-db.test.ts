import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countEvents } from "./count-events";
import { listEvents } from "./list-events";
import { textToFilter } from "./query-text";
import { eventSearch, parseEventParams } from "./search-params";
import { seedEvents } from "./test-events";
import { eventWhere } from "./where";

/**
 * The query language against real rows: each query's events, through the URL and the
 * explorer's own reads, equal to a predicate written here over every stored event.
 */
interface Row {
  gid: string;
  event_type: string;
  event_category: string | null;
  actor_type: string | null;
  actor_key: string;
  client_ip: string | null;
  oauth_app_name: string | null;
  haystack: string;
}

let rows: Row[] = [];
let actorEmails = new Map<string, string>();

beforeAll(async () => {
  await seedEvents(1_500, 7);
  rows = await db().$queryRaw<Row[]>`
    SELECT gid, event_type, event_category, actor_type, actor_key, host(client_ip) AS client_ip, oauth_app_name,
      lower(concat_ws(E'\\n', actor_name, actor_email, resource_name, resource_email, oauth_app_name, details::text)) AS haystack
    FROM audit_event`;
  // By key: every actor has one (a user's is the gid), so actors without a gid match by e-mail too.
  const actors = await db().$queryRaw<{ key: string; email: string | null }[]>`SELECT key, email FROM actor`;
  actorEmails = new Map(actors.filter((a) => a.email).map((a) => [a.key, a.email!.toLowerCase()]));
}, 180_000);

const ALL = { kind: "relative", last: "all" } as const;

async function gidsOf(text: string): Promise<string[]> {
  const parsed = textToFilter(text, ALL);
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.errors)}`);
  // Through the URL, as every consumer reads a filter.
  const viaUrl = parseEventParams(new URLSearchParams(eventSearch(parsed.filter)));
  if (!viaUrl.ok) throw new Error(`${text}: ${JSON.stringify(viaUrl.errors)}`);
  expect(viaUrl.filter).toEqual(parsed.filter);
  const found = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${eventWhere(viaUrl.filter, { now: new Date() })}`;
  return found.map((r) => r.gid).sort();
}

const expected = (keep: (r: Row) => boolean) => rows.filter(keep).map((r) => r.gid).sort();

describe("the query language over stored events", () => {
  it("has the shapes the cases below need", () => {
    expect(rows.length).toBeGreaterThan(1_000);
    expect(rows.some((r) => r.oauth_app_name)).toBe(true);
    expect(rows.some((r) => r.client_ip === null)).toBe(true);
    expect(rows.some((r) => r.event_type.startsWith("user_two_factor"))).toBe(true);
  });

  it.each<[string, (r: Row) => boolean]>([
    ["NOT category:logins", (r) => r.event_category !== "logins"],
    ["type:user_login_failed OR actor_type:external_administrator", (r) => r.event_type === "user_login_failed" || r.actor_type === "external_administrator"],
    ["(category:logins OR category:deletion) NOT type:user_login_succeeded", (r) => (r.event_category === "logins" || r.event_category === "deletion") && r.event_type !== "user_login_succeeded"],
    ["type:task_*", (r) => r.event_type.startsWith("task_")],
    ["type:*_deleted -type:task_*", (r) => r.event_type.endsWith("_deleted") && !r.event_type.startsWith("task_")],
    ["-ip:10.*", (r) => r.client_ip === null || !r.client_ip.startsWith("10.")],
    ["@EVT.NAME:user_login_failed OR event_category:roles", (r) => r.event_type === "user_login_failed" || r.event_category === "roles"],
    ["2fa", (r) => r.event_type.includes("two_factor") || r.haystack.includes("2fa")],
  ])("%s", async (text, keep) => {
    const want = expected(keep);
    expect(want.length).toBeGreaterThan(0);
    expect(await gidsOf(text)).toEqual(want);
  });

  it("matches OAuth apps in any case, exactly and by wildcard", async () => {
    const app = rows.find((r) => r.oauth_app_name && /[a-z]/.test(r.oauth_app_name))!.oauth_app_name!;
    const want = expected((r) => r.oauth_app_name === app);
    expect(await gidsOf(`oauth_app_name:"${app.toUpperCase()}"`)).toEqual(want);
    expect(await gidsOf(`app:"${app.toLowerCase()}" OR type:no_such_type`)).toEqual(want);
    // The explorer's reads look the name up first (resolveActors) and then read by equality.
    const upper = textToFilter(`app:"${app.toUpperCase()}"`, ALL);
    if (!upper.ok) throw new Error("did not parse");
    expect((await countEvents(upper.filter, { exact: true })).count).toBe(want.length);
    const prefix = app.slice(0, 3).toLowerCase().replace(/[^a-z]/g, "?");
    expect(await gidsOf(`app:${prefix}*`)).toEqual(expected((r) => r.oauth_app_name !== null && r.oauth_app_name.toLowerCase().startsWith(app.slice(0, 3).toLowerCase())));
  });

  it("matches actors by e-mail wildcard, in any case, under a Datadog alias", async () => {
    const email = [...actorEmails.values()][0]!;
    const domain = email.split("@")[1]!;
    const want = expected((r) => (actorEmails.get(r.actor_key) ?? "").endsWith(`@${domain}`));
    expect(want.length).toBeGreaterThan(0);
    expect(await gidsOf(`@actor.email:*@${domain.toUpperCase()} OR type:no_such_type`)).toEqual(want);
  });

  it("lists and counts an expression the same as the WHERE clause", async () => {
    const parsed = textToFilter("type:user_login_failed OR actor_type:external_administrator", ALL);
    if (!parsed.ok) throw new Error("did not parse");
    const want = expected((r) => r.event_type === "user_login_failed" || r.actor_type === "external_administrator");
    const count = await countEvents(parsed.filter, { exact: true });
    expect(count.count).toBe(want.length);
    const page = await listEvents({ filter: parsed.filter, sort: "newest", size: 500, page: null, scanBudget: 1_000_000 });
    const wanted = new Set(want);
    expect(page.events.every((e) => wanted.has(e.gid))).toBe(true);
    expect(page.events.length).toBe(Math.min(500, want.length));
  });
});
