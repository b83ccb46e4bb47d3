import { describe, expect, it } from "vitest";
import { dataElements } from "./json-text";
import { MAX_DEPTH, sanitizeRecord, storableDate, storableNumber, storedGid } from "./sanitize-record";

const event = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    gid: "1",
    created_at: "2026-01-02T03:04:05.678Z",
    event_type: "user_login_succeeded",
    event_category: "logins",
    actor: { actor_type: "user", gid: "2", name: "Ann", email: "ann@example.com" },
    resource: { resource_type: "user", gid: "2", name: "Ann" },
    context: { context_type: "web", client_ip_address: "10.0.0.1" },
    details: {},
    ...patch,
  });

const safeOf = (text: string) => JSON.parse(sanitizeRecord(text).safe ?? text) as Record<string, any>;

describe("dataElements", () => {
  it("cuts each record's exact text out of the page, whitespace and escapes as sent", () => {
    const page = ` { "next_page" : null ,\n "data" : [ {"a" : 1 , "b":"x\\"]}"} ,\t[1,[2,{}]], "s\\\\", 1e5 ,null ] } `;
    expect(dataElements(page)).toEqual(['{"a" : 1 , "b":"x\\"]}"}', "[1,[2,{}]]", '"s\\\\"', "1e5", "null"]);
  });

  it("takes the last data key (as JSON.parse does), also when spelled with escapes, and ignores nested ones", () => {
    const page = '{"data":[1],"other":{"data":[9,9]},"d\\u0061ta":[2,3]}';
    expect(dataElements(page)).toEqual(["2", "3"]);
    expect(JSON.parse(page).data).toEqual([2, 3]);
  });

  it("walks a record nested 200,000 levels deep without recursion", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(dataElements(`{"data":[${deep},{"b":2}]}`)).toEqual([deep, '{"b":2}']);
  });

  it("answers null for a page without a data array", () => {
    expect(dataElements('{"errors":[]}')).toBeNull();
    expect(dataElements("[1,2]")).toBeNull();
  });
});

describe("sanitizeRecord", () => {
  it("leaves an ordinary event alone", () => {
    expect(sanitizeRecord(event())).toEqual({ safe: null, alterations: [] });
  });

  it("replaces NUL and unpaired surrogates in values and keys with U+FFFD, naming where", () => {
    const text = event({ resource: { resource_type: "task", gid: "3", name: "before\u0000after" }, details: { "k\u0000": "\ud800", ok: "\ud83d\ude00" } });
    const { safe, alterations } = sanitizeRecord(text);
    const parsed = JSON.parse(safe!);
    expect(parsed.resource.name).toBe("before\uFFFDafter");
    expect(parsed.details).toEqual({ "k\uFFFD": "\uFFFD", ok: "\ud83d\ude00" });
    expect(alterations).toEqual([
      { path: "resource.name", kind: "nul" },
      { path: "details.k\uFFFD", kind: "nul" },
      { path: "details.k\uFFFD", kind: "surrogate" },
    ]);
  });

  it("keeps number literals as written, and numbers jsonb cannot hold as text", () => {
    const text = event({ details: "@" }).replace('"@"', '{"big":123456789012345678901234567890,"huge":1e999999,"tiny":-1E-99999,"fine":1e-300}');
    const { safe, alterations } = sanitizeRecord(text);
    expect(safe).toContain('"big":123456789012345678901234567890');
    expect(safe).toContain('"huge":"1e999999"');
    expect(safe).toContain('"tiny":"-1E-99999"');
    expect(safe).toContain('"fine":1e-300');
    expect(alterations.map((a) => `${a.path} ${a.kind}`)).toEqual(["details.huge number", "details.tiny number"]);
  });

  it.each([
    ["1", true],
    ["-0", true],
    ["1e5000", true],
    ["1e5001", false],
    ["1e-5000", true],
    ["0e999999999999", false],
    [`0.${"1".repeat(5000)}`, true],
    [`${"9".repeat(5001)}`, false],
    ["true", true],
  ])("storableNumber(%s) is %s", (literal, expected) => expect(storableNumber(literal)).toBe(expected));

  it(`replaces what is nested deeper than ${MAX_DEPTH} levels by a note`, () => {
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    const { safe, alterations } = sanitizeRecord(event({ details: "@" }).replace('"@"', deep));
    expect(alterations).toHaveLength(1);
    expect(alterations[0]).toMatchObject({ kind: "depth" });
    expect(alterations[0]!.path).toMatch(/^details(\.a)+$/);
    let value = JSON.parse(safe!).details;
    let depth = 1;
    while (typeof value === "object") {
      value = value.a;
      depth++;
    }
    expect(depth).toBe(MAX_DEPTH);
    expect(value).toMatch(/nested too deep/);
  });

  it("cuts over-long values of indexed columns, keeping different values different", () => {
    const a = safeOf(event({ event_type: `${"t".repeat(300)}a`, actor: { actor_type: "user", gid: "2", email: `${"e".repeat(1000)}@x` } }));
    const b = safeOf(event({ event_type: `${"t".repeat(300)}b` }));
    expect(a.event_type.length).toBeLessThanOrEqual(120);
    expect(a.event_type).not.toBe(b.event_type);
    expect(a.actor.email.length).toBeLessThanOrEqual(320);
    // Names are not indexed: a 200,000-character name is stored whole.
    expect(sanitizeRecord(event({ resource: { resource_type: "task", gid: "3", name: "n".repeat(200_000) } })).safe).toBeNull();
  });

  it.each([
    ["12\u00003", /^123-x[0-9a-f]{16}$/],
    ["a/b?c=d", /^abcd-x[0-9a-f]{16}$/],
    ["9".repeat(65), /^9{40}-x[0-9a-f]{16}$/],
    ["\u202e", /^x[0-9a-f]{16}$/],
  ])("files an event whose gid %j no link could carry under its safe part and a hash", (gid, stored) => {
    const { safe, alterations } = sanitizeRecord(event({ gid }));
    expect(JSON.parse(safe!).gid).toMatch(stored);
    expect(alterations).toEqual([{ path: "gid", kind: "gid" }]);
    expect(storedGid(gid)).toBe(JSON.parse(safe!).gid);
    expect(storedGid(`${gid}1`)).not.toBe(storedGid(gid));
  });

  it.each(["1200000000000001", "__proto__", "a-b_C"])("keeps a gid a link can carry: %s", (gid) => {
    expect(sanitizeRecord(event({ gid })).safe).toBeNull();
    expect(storedGid(gid)).toBe(gid);
  });

  it.each([
    ["0000-06-15T12:00:00.000Z", "0001-01-01T00:00:00.000Z"],
    ["2026-01-02T03:04:05+23:30", "2026-01-01T03:34:05.000Z"],
    ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.999Z"],
  ])("stores created_at %s as %s", (given, stored) => {
    const { safe, alterations } = sanitizeRecord(event({ created_at: given }));
    expect(JSON.parse(safe!).created_at).toBe(stored);
    expect(alterations).toEqual([{ path: "created_at", kind: "date" }]);
  });

  it.each([
    ["2099-12-31T23:59:59.000Z", true],
    ["0001-01-01T00:00:00Z", true],
    ["2026-01-02T03:04:05.123456789-15:59", true],
    ["0000-01-01T00:00:00Z", false],
    ["2026-01-02T03:04:05+16:00", false],
    ["0001-01-01T00:00:00+00:01", false],
    ["9999-12-31T23:00:00-01:00", false],
  ])("storableDate(%s) is %s", (value, expected) => expect(storableDate(value)).toBe(expected));

  it("empties a client address inet cannot hold", () => {
    const { safe, alterations } = sanitizeRecord(event({ context: { context_type: "web", client_ip_address: "fe80::1%eth0" } }));
    expect(JSON.parse(safe!).context.client_ip_address).toBeNull();
    expect(alterations).toEqual([{ path: "context.client_ip_address", kind: "ip" }]);
  });

  it("lists at most 20 alterations and counts the rest", () => {
    const details = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "\u0000"]));
    const { alterations } = sanitizeRecord(event({ details }));
    expect(alterations).toHaveLength(21);
    expect(alterations.at(-1)).toEqual({ path: "", kind: "more", count: 30 });
  });
});
