import { describe, expect, it } from "vitest";
import { navHref } from "./nav-items";

describe("side-menu links (case 6)", () => {
  const from = (search: string) => new URLSearchParams(search);

  it("keep the time range on the views that take a filter, and the zone on every view", () => {
    expect(navHref("/", from("range=30d&tz=utc&type=task_deleted&event=12"))).toBe("/?range=30d&tz=utc");
    expect(navHref("/events", from("from=2026-11-20T00:00:00.000Z&to=2026-11-21T00:00:00.000Z&tz=Europe/Berlin"))).toBe(
      "/events?from=2026-11-20T00%3A00%3A00.000Z&to=2026-11-21T00%3A00%3A00.000Z&tz=Europe%2FBerlin",
    );
    expect(navHref("/actors", from("range=30d&tz=utc"))).toBe("/actors?tz=utc");
    expect(navHref("/sync", from("sort=events"))).toBe("/sync");
  });
});
