import { describe, expect, it } from "vitest";
import { actorListSearch } from "@/lib/actors/search-params";
import { auditApiSearch, auditTrailSearch } from "@/lib/audit-trail/search-params";
import { parseOverviewParams } from "@/lib/stats/search-params";

describe("a view's URL contract", () => {
  it("reads declared values and applies defaults", () => {
    const parsed = actorListSearch.parse(new URLSearchParams("q=ann&type=user&page=3"));
    expect(parsed).toEqual({ ok: true, values: { q: "ann", type: "user", sort: "last_seen", page: 3, tz: "local" } });
    expect(actorListSearch.parse({})).toEqual({ ok: true, values: { q: "", type: null, sort: "last_seen", page: 1, tz: "local" } });
  });

  it("refuses unknown keys, repeated keys and unreadable values, each with its reason", () => {
    const parsed = actorListSearch.parse(new URLSearchParams("qq=1&sort=events&sort=name&type=robot&page=1.5&page2=x"));
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { param: "qq", message: '"qq" is not a filter or view setting of the actor list' },
        { param: "sort", message: '"sort" is given more than once' },
        { param: "type", message: expect.stringMatching(/^"robot" is not allowed for "type": use one of user, /) },
        { param: "page", message: '"1.5" is not allowed for "page": a whole page number' },
        { param: "page2", message: '"page2" is not a filter or view setting of the actor list' },
      ]),
    );
  });

  it("checks bounds the parser cannot say", () => {
    const page = actorListSearch.parse(new URLSearchParams("page=0"));
    expect(page.ok ? [] : page.errors).toEqual([{ param: "page", message: '"0" is not allowed for "page": pages run from 1 to 10000' }]);
    const limit = auditApiSearch.parse(new URLSearchParams("limit=500"));
    expect(limit.ok ? [] : limit.errors).toEqual([{ param: "limit", message: '"500" is not allowed for "limit": from 1 to 200 entries' }]);
  });

  it("cuts hostile keys and values in messages", () => {
    const long = "k".repeat(5_000);
    const parsed = auditTrailSearch.parse(new URLSearchParams({ [long]: "1", action: "x".repeat(5_000) }));
    expect(parsed.ok).toBe(false);
    for (const e of parsed.ok ? [] : parsed.errors) expect(e.message.length).toBeLessThan(400);
  });

  it("writes the search string of values, defaults left out, and reads it back", () => {
    const search = actorListSearch.search({ q: "ann lee", type: null, sort: "last_seen", page: 2 });
    expect(search).toBe("?q=ann+lee&page=2");
    expect(actorListSearch.parse(new URLSearchParams(search.slice(1)))).toEqual({ ok: true, values: { q: "ann lee", type: null, sort: "last_seen", page: 2, tz: "local" } });
    expect(auditTrailSearch.search({ action: null, actor: null })).toBe("");
  });

  it("case 6: takes the zone on every view, so that links between them keep it, and says why a zone is wrong", () => {
    expect(actorListSearch.parse(new URLSearchParams("tz=Europe/Berlin"))).toMatchObject({ ok: true, values: { tz: "Europe/Berlin" } });
    expect(auditTrailSearch.parse(new URLSearchParams("tz=utc"))).toMatchObject({ ok: true, values: { tz: "utc" } });
    expect(actorListSearch.parse(new URLSearchParams("tz=Mars/Olympus"))).toEqual({
      ok: false,
      errors: [{ param: "tz", message: '"Mars/Olympus" is not allowed for "tz": use local, utc or a time zone name such as Europe/Berlin' }],
    });
  });

  it("the overview's URL is the explorer's filter and its own stack, both checked", () => {
    const ok = parseOverviewParams(new URLSearchParams("range=24h&stack=actor_type&type=task_deleted"));
    expect(ok.ok && ok.stack).toBe("actor_type");
    const bad = parseOverviewParams(new URLSearchParams("stack=pie&range=forever&colour=red"));
    expect((bad.ok ? [] : bad.errors).map((e) => e.param).sort()).toEqual(["colour", "range", "stack"]);
    expect(bad.ok ? "" : bad.errors.find((e) => e.param === "colour")?.message).toBe('"colour" is not a filter or view setting of the overview');
  });
});
