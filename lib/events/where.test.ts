import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { emptyFilter, withCondition, type Condition, type EventFilter } from "./filters";
import { textToFilter } from "./query-text";
import { likePattern } from "./query-expr";
import { eventWhere } from "./where";

const now = new Date("2026-11-27T12:00:00.000Z");

/** Five events that differ in every filterable column. */
const rows = [
  { gid: "1", at: "2026-11-27T11:50:00Z", type: "user_login_succeeded", cat: "logins", actorType: "user", actor: "101", name: "Alice Smith", email: "alice@x.com", rtype: "user", rgid: "101", rname: "Alice Smith", ctx: "web", ip: "10.1.2.3", auth: "cookie", app: null, details: {} },
  { gid: "2", at: "2026-11-27T10:00:00Z", type: "task_deleted", cat: "deletion", actorType: "user", actor: "102", name: "Bob Jones", email: "bob@y.org", rtype: "task", rgid: "201", rname: "Q3 plan 100%", ctx: "api", ip: "192.168.0.9", auth: "oauth", app: "Zapier", details: { old_value: "x" } },
  { gid: "3", at: "2026-11-26T12:00:00Z", type: "workspace_saml_settings_changed", cat: "admin_settings", actorType: "user", actor: "101", name: "Alice Smith", email: "alice@x.com", rtype: "workspace", rgid: "301", rname: "Acme", ctx: "web", ip: "2001:db8::5", auth: "cookie", app: null, details: { old_value: "optional", new_value: "required" } },
  { gid: "4", at: "2026-11-10T12:00:00Z", type: "project_deleted", cat: "deletion", actorType: "asana", actor: null, name: null, email: null, rtype: "project", rgid: "401", rname: "Old project", ctx: "asana", ip: null, auth: null, app: null, details: null },
  { gid: "5", at: "2026-11-27T11:00:00Z", type: "attachment_downloaded", cat: "content_export", actorType: "user", actor: "103", name: "Carol O'Neil", email: "carol@x.com", rtype: "attachment", rgid: "501", rname: "salary_2026.xlsx", ctx: "mobile", ip: "10.200.0.1", auth: "oauth", app: "Slack", details: { note: "secret budget" } },
];

beforeAll(async () => {
  for (const r of rows) {
    await db().$executeRaw`INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email,
      resource_type, resource_gid, resource_name, context_type, client_ip, auth_method, oauth_app_name, details, raw)
      VALUES (${r.gid}, '1', ${new Date(r.at)}, ${r.type}, ${r.cat}, ${r.actorType}, ${r.actor}, ${r.name}, ${r.email}, ${r.rtype}, ${r.rgid}, ${r.rname},
      ${r.ctx}, ${r.ip}::inet, ${r.auth}, ${r.app}, ${r.details === null ? null : JSON.stringify(r.details)}::jsonb, '{}'::json)`;
  }
  await db().$executeRaw`INSERT INTO actor (key, gid, actor_type, name, email, first_seen, last_seen, event_count) VALUES
    ('101', '101', 'user', 'Alice Smith', 'alice@x.com', now(), now(), 2), ('102', '102', 'user', 'Bob Jones', 'bob@y.org', now(), now(), 1), ('103', '103', 'user', 'Carol O''Neil', 'carol@x.com', now(), now(), 1)`;
});

async function matching(filter: EventFilter): Promise<string[]> {
  const found = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${eventWhere(filter, { now })} ORDER BY gid`;
  return found.map((r) => r.gid);
}

const all = emptyFilter({ kind: "relative", last: "all" });
const where = (...conditions: Condition[]) => conditions.reduce(withCondition, all);
const text = (query: string) => {
  const parsed = textToFilter(query, all.time);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.filter;
};

describe("eventWhere", () => {
  it("never puts a value in the SQL text", () => {
    const hostile = "x'); DROP TABLE audit_event; --";
    const fragment = eventWhere(where({ dimension: "actor", value: hostile, exclude: false }, { dimension: "text", value: hostile, exclude: true }), { now });
    expect(fragment.sql).not.toContain("DROP");
    expect(fragment.values).toEqual(expect.arrayContaining([likePattern(hostile)]));
  });

  it("escapes LIKE wildcards in user text", () => {
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });

  it.each([
    ["since:all", ["1", "2", "3", "4", "5"]],
    ["since:1h", ["1", "5"]],
    ["from:2026-11-26 to:2026-11-27", ["3"]],
    ["type:task_deleted", ["2"]],
    ["type:task_deleted,project_deleted", ["2", "4"]],
    ["-type:task_deleted,project_deleted", ["1", "3", "5"]],
    ["category:deletion", ["2", "4"]],
    ["actor_type:asana", ["4"]],
    ["-actor_type:user", ["4"]],
    ["actor:101", ["1", "3"]],
    ["actor:ALICE@x.com", ["1", "3"]],
    ["actor:smith", ["1", "3"]],
    ["actor:x.com", ["1", "3", "5"]],
    ["-actor:alice@x.com", ["2", "4", "5"]],
    ["actor:\"O'Neil\"", ["5"]],
    ["resource_type:task,project", ["2", "4"]],
    ["resource:201", ["2"]],
    ["resource:acme", ["3"]],
    ['resource:"100%"', ["2"]],
    ["resource:%", ["2"]],
    ["resource:_", ["5"]],
    ["ip:10.1.2.3", ["1"]],
    ["ip:10.0.0.0/8", ["1", "5"]],
    ["-ip:10.0.0.0/8", ["2", "3", "4"]],
    ["ip:2001:db8::/32", ["3"]],
    ["ip:10.0.0.0/8,192.168.0.0/16", ["1", "2", "5"]],
    ["context:web", ["1", "3"]],
    ["auth:oauth -app:Slack", ["2"]],
    ["app:Zapier", ["2"]],
    ["budget", ["5"]],
    ["-budget", ["1", "2", "3", "4"]],
    ["required", ["3"]],
    ["alice", ["1", "3"]],
    ["501", ["5"]],
    ["alice required", ["3"]],
    ["type:task_deleted actor:bob category:deletion since:7d", ["2"]],
  ])("%s", async (query, expected) => {
    expect(await matching(text(query))).toEqual(expected);
  });

  it("leaves out one dimension's included values when asked (facets)", async () => {
    const filter = text("type:task_deleted context:api");
    const sqlWithout = eventWhere(filter, { now, omitInclude: "eventType" });
    const found = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${sqlWithout}`;
    expect(found.map((r) => r.gid)).toEqual(["2"]);
    expect(eventWhere(filter, { now, omitInclude: "eventType" }).sql).not.toContain("event_type");
  });

  it("is TRUE for an empty filter", () => {
    expect(eventWhere(all, { now })).toEqual(Prisma.sql`TRUE`);
  });
});
