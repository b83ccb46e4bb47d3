import { describe, expect, it } from "vitest";
import { emptyFilter, withCondition } from "./filters";
import { eventSearch, parseEventParams, parseFilterParams } from "./search-params";

const parse = (search: string) => parseEventParams(new URLSearchParams(search));

describe("parseEventParams", () => {
  it("gives the default view of an empty URL", () => {
    const result = parse("");
    expect(result).toMatchObject({ ok: true, filter: emptyFilter(), view: { sort: "newest", size: 50, tz: "local", page: null, refresh: "off" } });
  });

  it("reads filters, exclusions, time and view", () => {
    const result = parse("type=task_deleted,project_deleted&not_ip=10.0.0.0/8&actor=alice@x.com&range=24h&size=500&tz=utc&cols=time,actor,gid&after=2026-11-20T10:00:00.123Z~1204");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filter.include.eventType).toEqual(["task_deleted", "project_deleted"]);
    expect(result.filter.exclude.ip).toEqual(["10.0.0.0/8"]);
    expect(result.filter.include.actor).toEqual(["alice@x.com"]);
    expect(result.filter.time).toEqual({ kind: "relative", last: "24h" });
    expect(result.view).toMatchObject({ size: 500, tz: "utc", columns: ["time", "actor", "gid"], page: { after: { at: "2026-11-20T10:00:00.123Z", gid: "1204" } } });
  });

  it("reads an absolute range, normalised to UTC", () => {
    const result = parse("from=2026-11-20&to=2026-11-21T00:00:00%2B01:00");
    expect(result).toMatchObject({ ok: true, filter: { time: { kind: "absolute", from: "2026-11-20T00:00:00.000Z", to: "2026-11-20T23:00:00.000Z" } } });
  });

  it.each([
    ["typ=task_deleted", "typ", /not a filter/],
    ["type=a&type=b", "type", /more than once: separate its values with commas/],
    ["size=77", "size", /use one of 50, 100, 500/],
    ["tz=mars", "tz", /not allowed/],
    ["actor_type=robot", "actor_type", /not an actor type/],
    ["not_context=teleport", "not_context", /not a context type/],
    ["ip=10.0.0.0/33", "ip", /prefix/],
    ["from=2026-11-21&to=2026-11-20", "from", /swap/],
    ["range=7d&from=2026-11-20", "range", /either/],
    ["range=forever", "range", /not a time range/],
    ["after=page2", "after", /not a page position/],
    ["cols=time,bogus", "cols", /not a column/],
    ["type=task_deleted&not_type=task_deleted", "type", /both included and excluded/],
    ["event=1;DROP", "event", /not an event gid/],
  ])("refuses %s with a message about %s", (search, param, message) => {
    const result = parse(search);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ param, message: expect.stringMatching(message) })]));
  });

  it("reports every problem at once", () => {
    const result = parse("size=7&tz=x&actor_type=robot");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.param).sort()).toEqual(["actor_type", "size", "tz"]);
  });

  it("accepts a Next.js searchParams record, repeated keys included", () => {
    expect(parseEventParams({ type: "task_deleted", size: "100" })).toMatchObject({ ok: true, view: { size: 100 } });
    expect(parseEventParams({ type: ["a", "b"] })).toMatchObject({ ok: false });
  });

  it("parseFilterParams refuses view settings: charts take filters only", () => {
    expect(parseFilterParams(new URLSearchParams("type=task_deleted"))).toMatchObject({ ok: true });
    expect(parseFilterParams(new URLSearchParams("size=50"))).toMatchObject({ ok: false });
  });
});

describe("eventSearch", () => {
  it("writes short URLs (defaults left out) that read back to the same state", () => {
    expect(eventSearch(emptyFilter())).toBe("");
    let filter = withCondition(emptyFilter({ kind: "absolute", from: "2026-11-20T00:00:00.000Z", to: null }), { dimension: "resource", value: "Q3, plan", exclude: false });
    filter = withCondition(filter, { dimension: "ip", value: "10.0.0.0/8", exclude: true });
    const search = eventSearch(filter, { size: 100, tz: "utc", columns: ["time", "event"] });
    const back = parseEventParams(new URLSearchParams(search));
    expect(back).toMatchObject({ ok: true, filter, view: { size: 100, tz: "utc", columns: ["time", "event"] } });
  });
});

describe("the zone in the URL (cases 6 and 8)", () => {
  it("takes local, utc or an IANA zone, and says why anything else is wrong", () => {
    expect(parse("tz=Europe/Berlin")).toMatchObject({ ok: true, view: { tz: "Europe/Berlin" } });
    const wrong = parse("tz=Mars/Olympus&range=today");
    expect(wrong).toEqual({ ok: false, errors: [{ param: "tz", message: '"Mars/Olympus" is not allowed for "tz": use local, utc or a time zone name such as Europe/Berlin' }] });
    expect(parse("range=tomorrow")).toMatchObject({ ok: false, errors: [{ param: "range", message: expect.stringContaining("this_week") }] });
  });

  it("counts calendar ranges in the chosen zone: the URL's, else the browser's for local, else UTC", () => {
    expect(parse("range=today&tz=America/New_York")).toMatchObject({ ok: true, filter: { time: { kind: "relative", last: "today", zone: "America/New_York" } } });
    expect(parse("range=this_week&tz=utc")).toMatchObject({ ok: true, filter: { time: { last: "this_week", zone: "UTC" } } });
    expect(parseEventParams(new URLSearchParams("range=this_month"), { localZone: "Asia/Tokyo" })).toMatchObject({ ok: true, filter: { time: { zone: "Asia/Tokyo" } } });
    expect(parse("range=this_month")).toMatchObject({ ok: true, filter: { time: { zone: "UTC" } } });
    // A rolling "last 7 days" is the same in every zone: it carries none.
    expect(parse("range=7d&tz=Asia/Tokyo")).toMatchObject({ ok: true, filter: { time: { kind: "relative", last: "7d" } } });
    const rolling = parse("range=7d&tz=Asia/Tokyo");
    expect(rolling.ok && rolling.filter.time).toEqual({ kind: "relative", last: "7d" });
  });

  it("names a calendar range's zone in the API's search, which has no view zone of its own", () => {
    const parsed = parseEventParams(new URLSearchParams("range=today"), { localZone: "Europe/Berlin" });
    if (!parsed.ok) throw new Error("unreadable");
    expect(eventSearch(parsed.filter)).toBe("?range=today&tz=Europe/Berlin");
    expect(eventSearch(parsed.filter, { tz: "utc" })).toBe("?range=today&tz=utc");
  });

  it("is a filter key too, so that the overview and timelines take it", () => {
    expect(parseFilterParams(new URLSearchParams("range=yesterday&tz=Europe/Berlin"))).toMatchObject({ ok: true, filter: { time: { zone: "Europe/Berlin" } } });
  });
});
