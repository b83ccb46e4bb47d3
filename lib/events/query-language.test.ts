import { describe, expect, it } from "vitest";
import { filterOf, type EventFilter } from "./filters";
import { MAX_DEPTH, MAX_TERMS, term, type QueryExpr } from "./query-expr";
import { filterToText, textToExpression, textToFilter } from "./query-text";
import { eventSearch, parseEventParams } from "./search-params";

const week = { kind: "relative", last: "7d" } as const;
const withExpr = (expression: QueryExpr, parts: Parameters<typeof filterOf>[0] = {}): EventFilter => ({ ...filterOf({ time: week, ...parts }), expression });
const or = (...args: QueryExpr[]): QueryExpr => ({ kind: "or", args });
const and = (...args: QueryExpr[]): QueryExpr => ({ kind: "and", args });
const not = (arg: QueryExpr): QueryExpr => ({ kind: "not", arg });

describe("the query language: inputs and the filter each gives", () => {
  const cases: [string, EventFilter][] = [
    ["NOT category:logins", filterOf({ time: week, exclude: { category: ["logins"] } })],
    ["not category:logins", filterOf({ time: week, exclude: { category: ["logins"] } })],
    ["-category:logins", filterOf({ time: week, exclude: { category: ["logins"] } })],
    ["type:task_deleted OR type:project_deleted", filterOf({ time: week, include: { eventType: ["task_deleted", "project_deleted"] } })],
    ["type:task_deleted or type:project_deleted", filterOf({ time: week, include: { eventType: ["task_deleted", "project_deleted"] } })],
    ["(type:user_login_failed OR type:user_login_succeeded) -ip:10.0.0.0/8", filterOf({ time: week, include: { eventType: ["user_login_failed", "user_login_succeeded"] }, exclude: { ip: ["10.0.0.0/8"] } })],
    ["type:a AND actor:b", filterOf({ time: week, include: { eventType: ["a"], actor: ["b"] } })],
    ["NOT (type:a OR type:b)", filterOf({ time: week, exclude: { eventType: ["a", "b"] } })],
    ["event_type:task_deleted EVENT_CATEGORY:deletion @actor.email:a@x.com actor_type:user", filterOf({ time: week, include: { eventType: ["task_deleted"], category: ["deletion"], actor: ["a@x.com"], actorType: ["user"] } })],
    ["@evt.name:a resource.resource_type:task resource.gid:123 context.client_ip_address:10.0.0.1", filterOf({ time: week, include: { eventType: ["a"], resourceType: ["task"], resource: ["123"], ip: ["10.0.0.1"] } })],
    ["@network.client.ip:10.0.0.1 context_type:web api_authentication_method:oauth oauth_app_name:Zapier", filterOf({ time: week, include: { ip: ["10.0.0.1"], contextType: ["web"], authMethod: ["oauth"], oauthApp: ["Zapier"] } })],
    ["category:admin*", filterOf({ time: week, include: { category: ["admin_settings"] } })],
    ["actor_type:asana*", filterOf({ time: week, include: { actorType: ["asana", "asana_support"] } })],
    ['"OR" "not"', filterOf({ time: week, include: { text: ["OR", "not"] } })],
    ["budget -draft since:30d", filterOf({ time: { kind: "relative", last: "30d" }, include: { text: ["budget"] }, exclude: { text: ["draft"] } })],
    ["type:a OR actor:b", withExpr(or(term("eventType", "a"), term("actor", "b")))],
    ["category:logins (type:a OR actor:b)", withExpr(or(term("eventType", "a"), term("actor", "b")), { include: { category: ["logins"] } })],
    ["type:a type:b", withExpr(term("eventType", "b"), { include: { eventType: ["a"] } })],
    ["a OR b", withExpr(or(term("text", "a"), term("text", "b")))],
    ["type:task_* actor:*@contractor.com", withExpr(and(term("eventType", "task_*", true), term("actor", "*@contractor.com", true)))],
    ["ip:10.0.* -app:slack*", withExpr(and(term("ip", "10.0.*", true), not(term("oauthApp", "slack*", true))))],
    ["NOT (type:a OR actor:b)", withExpr(not(or(term("eventType", "a"), term("actor", "b"))))],
    ["type:a OR type:b actor:c", withExpr(or(term("eventType", "a"), and(term("eventType", "b"), term("actor", "c"))))],
    ["NOT NOT type:a", withExpr(not(not(term("eventType", "a"))))],
    ["type:a OR actor:b since:30d", { ...withExpr(or(term("eventType", "a"), term("actor", "b"))), time: { kind: "relative", last: "30d" } }],
    ["(since:1h type:a) OR type:b", { ...filterOf({ include: { eventType: ["a", "b"] } }), time: { kind: "relative", last: "1h" } }],
    ['resource:"a*b"', filterOf({ time: week, include: { resource: ["a*b"] } })],
  ];

  it.each(cases)("%s", (text, filter) => {
    expect(textToFilter(text)).toEqual({ ok: true, filter });
  });

  it.each(cases)("round-trips the canonical text of %s", (text) => {
    const first = textToFilter(text);
    if (!first.ok) throw new Error("did not parse");
    const canonical = filterToText(first.filter);
    expect(textToFilter(canonical), canonical).toEqual(first);
    if (first.filter.expression) expect(textToExpression(filterToText({ ...first.filter, include: filterOf().include, exclude: filterOf().exclude }).replace(/\s*since:\S+$/, ""))).toMatchObject({ ok: true });
  });
});

describe("the query language: every error points at the word", () => {
  const deep = `${"(".repeat(MAX_DEPTH + 2)}type:a${")".repeat(MAX_DEPTH + 2)}`;
  const many = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `type:t${i}`).join(" OR ");
  const errors: [string, number, number, RegExp][] = [
    ["(type:a OR type:b", 0, 1, /"\(" is not closed/],
    ["type:a OR type:b)", 16, 17, /closes no "\("/],
    ["type:a OR", 7, 9, /OR needs a condition after it/],
    ["OR type:a", 0, 2, /OR needs a condition before it/],
    ["type:a AND", 7, 10, /AND needs a condition after it/],
    ["type:a NOT", 7, 10, /NOT needs a condition after it/],
    ["type:a () actor:b", 7, 9, /empty parentheses/],
    ["type:a - actor:b", 7, 8, /lone "-"/],
    ["-OR type:a", 0, 3, /cannot go before OR/],
    ["colour:red", 0, 10, /"colour" is not a field/],
    ["type:a @actor.emial:x", 7, 21, /did you mean actor\.email/],
    ["evnt_type:x", 0, 11, /did you mean event_type/],
    ["type:Task", 0, 9, /not an event type name/],
    ["type:a,Bad", 7, 10, /not an event type name/],
    ["ip:300.1.1.1", 0, 12, /not an IP address/],
    ["ip:10.x.*", 0, 9, /not an IP address pattern/],
    ["category:zz*", 0, 12, /matches none of/],
    ["actor_type:robot", 0, 16, /not an actor type/],
    ["type:", 0, 5, /needs a value/],
    ['actor:"alice', 6, 12, /quote is not closed/],
    ["type:a(", 0, 7, /unexpected character/],
    ["foo*", 0, 4, /wildcards work in field values/],
    ["NOT since:7d", 0, 12, /cannot be excluded/],
    ["-from:2026-11-20", 0, 16, /cannot be excluded/],
    ["type:a OR since:7d", 10, 18, /applies to the whole query/],
    ["(since:7d OR type:a)", 1, 9, /applies to the whole query/],
    ["since:7d,30d", 0, 12, /takes one value/],
    ["since:7x", 0, 8, /.+/],
    [deep, MAX_DEPTH + 1, MAX_DEPTH + 2, /nests more than/],
    [many, many.lastIndexOf("type:"), many.length, /more than 60 conditions/],
    ["x".repeat(2_001), 2_000, 2_001, /longer than/],
  ];

  it.each(errors)("%j → error at [%i, %i)", (text, start, end, message) => {
    const result = textToFilter(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ start, end });
    expect(result.errors[0]!.message).toMatch(message);
  });

  it("never turns an operator into text", () => {
    for (const text of ["NOT", "OR", "AND", "a OR", "NOT NOT", "( OR )"]) expect(textToFilter(text).ok, text).toBe(false);
  });

  it("refuses a time range inside q=", () => {
    expect(textToExpression("type:a OR since:7d")).toMatchObject({ ok: false });
    expect(textToExpression("")).toMatchObject({ ok: false });
    expect(textToExpression("type:a OR actor:b")).toEqual({ ok: true, expression: or(term("eventType", "a"), term("actor", "b")) });
  });
});

describe("the expression in the URL (?q=)", () => {
  it("carries the expression beside the flat lists and reads it back", () => {
    const parsed = textToFilter("category:logins (type:a OR actor:b) -ip:10.*");
    if (!parsed.ok) throw new Error("did not parse");
    const search = eventSearch(parsed.filter);
    expect(new URLSearchParams(search).get("q")).toBe("(type:a OR actor:b) -ip:10.*");
    expect(new URLSearchParams(search).get("category")).toBe("logins");
    expect(parseEventParams(new URLSearchParams(search))).toMatchObject({ ok: true, filter: parsed.filter });
  });

  it.each([
    ["type:a OR", /OR needs a condition after it/],
    ["type:a since:7d", /applies to the whole query/],
    ["colour:red", /"colour" is not a field/],
    ["x".repeat(2_001), /longer than 2000/],
  ])("refuses q=%j with the reason", (q, message) => {
    const result = parseEventParams({ q });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ param: "q", message: expect.stringMatching(message) }]);
  });
});
