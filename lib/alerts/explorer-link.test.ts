import { describe, expect, it } from "vitest";
import { exprToText } from "@/lib/events/query-text";
import { parseEventParams } from "@/lib/events/search-params";
import { actorTimelineHref, alertEventsHref, alertEventsSearch, type LinkedAlert } from "./explorer-link";

const alert: LinkedAlert = { firstAt: "2026-11-20T10:00:00.000Z", lastAt: "2026-11-20T10:05:00.250Z", dedupKey: "1001", actorKey: "1001" };

/** What the explorer reads from the link: it must open without complaint. */
function opened(search: string) {
  const parsed = parseEventParams(new URLSearchParams(search));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
}

describe("the explorer link of an alert", () => {
  it("freezes the alert's span (to just after its last event), keeps the rule's filter and the actor, oldest first", () => {
    const { filter, view } = opened(alertEventsSearch(alert, { query: "type:task_deleted,project_deleted", condition: "threshold", settings: { groupBy: "actor", threshold: 50, windowSeconds: 600 } }, "Europe/Berlin"));
    expect(filter.time).toEqual({ kind: "absolute", from: "2026-11-20T10:00:00.000Z", to: "2026-11-20T10:05:00.251Z" });
    expect(filter.include.eventType).toEqual(["task_deleted", "project_deleted"]);
    expect(filter.include.actor).toEqual(["1001"]);
    expect(view).toMatchObject({ sort: "oldest", tz: "Europe/Berlin" });
    expect(alertEventsHref(alert, { query: "", condition: "match", settings: {} })).toMatch(/^\/events\?/);
  });

  it("narrows by the key the rule grouped by: an address for brute force by IP, nothing for a rule that groups nothing", () => {
    const byIp = opened(alertEventsSearch({ ...alert, dedupKey: "203.0.113.7" }, { query: "type:user_login_failed", condition: "threshold", settings: { groupBy: "ip", threshold: 20, windowSeconds: 3600 } }));
    expect(byIp.filter.include.ip).toEqual(["203.0.113.7"]);
    expect(byIp.filter.include.actor).toEqual([]);
    const none = opened(alertEventsSearch({ ...alert, dedupKey: "" }, { query: "type:org_export_started", condition: "match", settings: { groupBy: "none" } }));
    expect(none.filter.include.actor).toEqual([]);
  });

  it("takes either query of a threshold followed by a success, and ANDs the actor with a rule that names others", () => {
    const then = opened(alertEventsSearch(alert, { query: "type:user_login_failed", condition: "threshold", settings: { groupBy: "actor", threshold: 20, windowSeconds: 3600, then: "type:user_login_succeeded" } }));
    // One field either way: the explorer reads it as a list of types.
    expect(then.filter.include.eventType).toEqual(["user_login_failed", "user_login_succeeded"]);
    expect(then.filter.include.actor).toEqual(["1001"]);
    const named = opened(alertEventsSearch(alert, { query: "actor:ann@example.com", condition: "match", settings: {} }));
    expect(named.filter.include.actor).toEqual(["ann@example.com"]);
    expect(exprToText(named.filter.expression!)).toBe("actor:1001");
  });

  it("still opens for a rule whose text no longer parses, an actor key the explorer cannot name, and times outside its years", () => {
    const broken = opened(alertEventsSearch({ ...alert, actorKey: " spaced ", dedupKey: " spaced ", firstAt: "1970-01-01T00:00:00.000Z" }, { query: "type:(unclosed", condition: "match", settings: "not an object" }));
    expect(broken.filter.time).toEqual({ kind: "absolute", from: null, to: "2026-11-20T10:05:00.251Z" });
    expect(broken.filter.include.actor).toEqual([]);
  });

  it("links the actor's timeline a day either side of the alert", () => {
    expect(actorTimelineHref("external_administrator:email:a@x.com", alert, "utc")).toBe(
      "/actors/external_administrator%3Aemail%3Aa%40x.com?from=2026-11-19T10:00:00.000Z&to=2026-11-21T10:05:00.250Z&tz=utc",
    );
  });
});
