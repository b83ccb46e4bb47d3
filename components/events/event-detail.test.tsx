import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import type { EventDetail as Detail } from "@/lib/events/get-event";
import { EventDetail } from "./event-detail";

/**
 * The event detail drawn on the server with values Asana controls: it renders, shows what is
 * stored (bidi controls by name, prototype names as keys), and its size depends on what is
 * shown, not on how long the values are.
 */
const base: Detail = {
  gid: "1",
  createdAt: "2099-12-31T23:00:00.000Z",
  workspaceGid: "1",
  eventType: "task_deleted",
  eventCategory: "deletion",
  actorType: "user",
  actorGid: "101",
  actorKey: "101",
  actorName: "Alice",
  actorEmail: null,
  resourceType: "task",
  resourceSubtype: null,
  resourceGid: "201",
  resourceName: "Plan",
  resourceEmail: null,
  contextType: null,
  clientIp: null,
  userAgent: null,
  authMethod: null,
  oauthAppName: null,
  summary: "",
  sentence: "Alice deleted the task “Plan”",
  detailsJson: null,
  alterations: [],
  raw: "{}",
  actorEvents: 1,
  resourceEvents: 1,
  resourceKnownName: null,
};

/**
 * The detail is always drawn inside the app router (the drawer, the event's page): its links
 * (components/ui/link.tsx) take the router to fetch ahead on intent. Here, one that goes nowhere.
 */
const noop = () => {};
const router: AppRouterInstance = { back: noop, forward: noop, refresh: noop, push: noop, replace: noop, prefetch: noop, bfcacheId: "test" };
const render = (event: Partial<Detail>) =>
  renderToStaticMarkup(
    <AppRouterContext.Provider value={router}>
      <EventDetail event={{ ...base, ...event }} tz="utc" />
    </AppRouterContext.Provider>,
  );
/** The text a reader sees: tags dropped (a hidden character's marker is inline), entities read. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("EventDetail with values Asana controls", () => {
  it("lists detail keys named after Object.prototype's members as keys, with their values", () => {
    const html = render({ detailsJson: '{"__proto__": {"x": 1}, "constructor": "c", "toString": "t", "old_value": "hasOwnProperty", "new_value": null}', eventType: "constructor", eventCategory: "__proto__", actorType: "toString" });
    const shown = text(html);
    expect(shown).toContain("__proto__");
    expect(shown).toMatch(/"x": 1/);
    expect(shown).toContain("hasOwnProperty");
    expect(shown).not.toMatch(/native code|function |\[object Object\]/);
  });

  it("shows bidi controls in names and the original JSON by name", () => {
    const html = render({ actorName: "Admin \u202eexe.txt", resourceName: "invoice\u2067fdp.exe\u2069", raw: '{"name": "Admin \u202eexe.txt"}' });
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text(html)).toContain("Admin ⟨RLO⟩exe.txt");
    expect(text(html)).toContain("invoice⟨RLI⟩fdp.exe⟨PDI⟩");
  });

  it("draws a page of bounded size for 200,000-character names, a megabyte of details and JSON nested 20,000 deep", () => {
    const long = "A".repeat(200_000);
    const html = render({
      actorName: long,
      resourceName: long,
      userAgent: long,
      detailsJson: JSON.stringify({ old_value: "x".repeat(1_000_000), new_value: { nested: "y".repeat(1_000_000) }, [`k${long}`]: long }),
      raw: `{"deep": ${"[".repeat(20_000)}${"]".repeat(20_000)}, "huge": "${"z".repeat(1_000_000)}"}`,
    });
    expect(html.length).toBeLessThan(400_000);
    expect(text(html)).toContain("Show all 200,000 characters");
  });

  it("says what the sync altered for storage, the paths shown as stored", () => {
    const html = render({ alterations: [{ path: "resource.name", kind: "nul" }, { path: "details.\u202ekey", kind: "surrogate" }, { path: "", kind: "more", count: 3 }] });
    expect(html).toContain('data-testid="alterations"');
    expect(html).toContain("resource.name held a NUL character (U+0000)");
    expect(html).toContain("3 more place(s) were altered the same ways");
    expect(html).not.toContain("\u202e");
    expect(render({}).includes('data-testid="alterations"')).toBe(false);
  });
});
