import { describe, expect, it } from "vitest";
import { ACTOR_TYPES, CONTEXT_TYPES } from "@/lib/asana/vocabulary";
import { DIMENSIONS, emptyFilter, type Dimension, type EventFilter } from "./filters";
import { filterToText, textToFilter } from "./query-text";

describe("textToFilter", () => {
  it("reads the example from the issue", () => {
    const result = textToFilter("actor:alice@x.com type:task_deleted -ip:10.0.0.0/8 since:7d");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filter.include.actor).toEqual(["alice@x.com"]);
    expect(result.filter.include.eventType).toEqual(["task_deleted"]);
    expect(result.filter.exclude.ip).toEqual(["10.0.0.0/8"]);
    expect(result.filter.time).toEqual({ kind: "relative", last: "7d" });
  });

  it("reads lists, quotes, free text and absolute ranges", () => {
    const result = textToFilter(`type:task_deleted,project_deleted resource:"Q3, plan" budget -"draft copy" from:2026-11-20 to:"2026-11-21 12:00"`);
    expect(result).toMatchObject({
      ok: true,
      filter: {
        time: { kind: "absolute", from: "2026-11-20T00:00:00.000Z", to: "2026-11-21T12:00:00.000Z" },
        include: { eventType: ["task_deleted", "project_deleted"], resource: ["Q3, plan"], text: ["budget"] },
        exclude: { text: ["draft copy"] },
      },
    });
  });

  it("keeps the current time range when the text names none", () => {
    const time = { kind: "relative", last: "24h" } as const;
    expect(textToFilter("type:task_deleted", time)).toMatchObject({ ok: true, filter: { time } });
  });

  it.each([
    ["colour:red", /"colour" is not a field/],
    ["type:", /needs a value/],
    ['actor:"alice', /quote is not closed/],
    ["actor_type:robot", /not an actor type/],
    ["-since:7d", /cannot be excluded/],
    ["since:7d,30d", /takes one value/],
    ["since:7d from:2026-11-20", /either/],
    ["from:2026-11-21 to:2026-11-20", /swap/],
    ["ip:300.1.1.1", /not an IP address/],
    ["type:Task", /event type/],
    ["type:a -type:a", /both included and excluded/],
  ])("explains what is wrong with %j", (text, message) => {
    const result = textToFilter(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join(" | ")).toMatch(message);
  });

  it("points at the offending token", () => {
    const result = textToFilter("type:task_deleted colour:red");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ start: 18, end: 28 });
  });
});

describe("filterToText ⇄ textToFilter", () => {
  it("writes the canonical text", () => {
    const filter = textToFilter("-ip:10.0.0.0/8 type:task_deleted actor:alice@x.com since:7d");
    expect(filter.ok && filterToText(filter.filter)).toBe("type:task_deleted actor:alice@x.com -ip:10.0.0.0/8 since:7d");
  });

  // Values chosen to stress quoting: spaces, commas, quotes, backslashes, colons, dashes.
  const awkward = ['Q3, plan', 'say "hi"', "back\\slash", "http://x.y/z", "-leading", "tab here", "a:b", "ünïcødé", "100%_sure", "12345"];
  const valid: Partial<Record<Dimension, readonly string[]>> = {
    eventType: ["task_deleted", "user_login_failed", "brand_new_type"],
    category: ["logins", "deletion"],
    actorType: ACTOR_TYPES,
    resourceType: ["project", "task"],
    ip: ["10.0.0.1", "10.0.0.0/8", "2001:db8::/32"],
    country: ["DE", "US", "JP"],
    asn: ["16509", "3320", "4294967295"],
    hosting: ["true", "false"],
    contextType: CONTEXT_TYPES,
    authMethod: ["oauth", "cookie"],
  };

  function randomFilter(seed: number): EventFilter {
    let state = seed;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pickFrom = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const filter = emptyFilter(
      rand() < 0.5 ? { kind: "relative", last: pickFrom(["15m", "7d", "all", "36h"]) } : { kind: "absolute", from: rand() < 0.8 ? "2026-11-01T00:00:00.000Z" : null, to: "2026-11-20T12:34:56.789Z" },
    );
    for (const d of DIMENSIONS) {
      const pool = valid[d] ?? awkward;
      for (const list of ["include", "exclude"] as const) {
        if (rand() < 0.6) continue;
        const count = 1 + Math.floor(rand() * 3);
        for (let i = 0; i < count; i++) {
          const value = pickFrom(pool);
          if (!filter.include[d].includes(value) && !filter.exclude[d].includes(value)) filter[list][d].push(value);
        }
      }
    }
    return filter;
  }

  it("round-trips 500 generated filters", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const filter = randomFilter(seed);
      const text = filterToText(filter);
      const back = textToFilter(text);
      expect(back, text).toEqual({ ok: true, filter });
    }
  });
});
