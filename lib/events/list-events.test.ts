import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countEvents } from "./count-events";
import { emptyFilter, withCondition, type EventFilter } from "./filters";
import { countNewer, listEvents } from "./list-events";
import { seedEvents } from "./test-events";
import { decodeCursor, type Cursor, type EventView } from "./view";

const all = emptyFilter({ kind: "relative", last: "all" });

beforeAll(async () => {
  await seedEvents(1_200);
}, 120_000);

async function expectedGids(filter: EventFilter, sort: "newest" | "oldest" = "newest"): Promise<string[]> {
  const { eventWhere } = await import("./where");
  const rows =
    sort === "newest"
      ? await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${eventWhere(filter, { now: new Date() })} ORDER BY created_at DESC, gid DESC`
      : await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${eventWhere(filter, { now: new Date() })} ORDER BY created_at ASC, gid ASC`;
  return rows.map((r) => r.gid);
}

const cursorOf = (text: string | null): Cursor => {
  const c = decodeCursor(text!);
  if ("error" in c) throw new Error(c.error);
  return c;
};

async function walk(filter: EventFilter, sort: EventView["sort"], size: EventView["size"]) {
  const pages: string[][] = [];
  let page: EventView["page"] = null;
  for (;;) {
    const result = await listEvents({ filter, sort, size, page });
    pages.push(result.events.map((e) => e.gid));
    if (!result.next) return { pages, last: result };
    page = { after: cursorOf(result.next) };
  }
}

describe("listEvents", () => {
  it("pages forward through every event exactly once, in order, both ways round", async () => {
    for (const sort of ["newest", "oldest"] as const) {
      const { pages } = await walk(all, sort, 100);
      expect(pages.flat()).toEqual(await expectedGids(all, sort));
      expect(pages.slice(0, -1).every((p) => p.length === 100)).toBe(true);
    }
  });

  it("pages back to exactly the page it came from", async () => {
    const first = await listEvents({ filter: all, sort: "newest", size: 50, page: null });
    expect(first.prev).toBeNull();
    const second = await listEvents({ filter: all, sort: "newest", size: 50, page: { after: cursorOf(first.next) } });
    const third = await listEvents({ filter: all, sort: "newest", size: 50, page: { after: cursorOf(second.next) } });
    const backToSecond = await listEvents({ filter: all, sort: "newest", size: 50, page: { before: cursorOf(third.prev) } });
    expect(backToSecond.events.map((e) => e.gid)).toEqual(second.events.map((e) => e.gid));
    const backToFirst = await listEvents({ filter: all, sort: "newest", size: 50, page: { before: cursorOf(backToSecond.prev) } });
    expect(backToFirst.events.map((e) => e.gid)).toEqual(first.events.map((e) => e.gid));
    expect(backToFirst.prev).toBeNull();
    expect(backToFirst.next).toBe(first.next);
  });

  it("pages a filtered set the same way", async () => {
    const logins = withCondition(all, { dimension: "category", value: "logins", exclude: true });
    const { pages } = await walk(logins, "newest", 50);
    expect(pages.flat()).toEqual(await expectedGids(logins));
  });

  it("gives rows with a one-line summary and the IP without a mask", async () => {
    const { events } = await listEvents({ filter: all, sort: "newest", size: 500, page: null });
    const withIp = events.find((e) => e.clientIp);
    expect(withIp?.clientIp).not.toMatch(/\//);
    expect(events.some((e) => e.summary.length > 0)).toBe(true);
  });
});

describe("free text and parts of names", () => {
  // Someone with a few dozen events: matches spread thinly over the table.
  const someone = async () =>
    (await db().$queryRaw<{ email: string }[]>`
      SELECT actor_email AS email FROM audit_event WHERE actor_email IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 OFFSET 5 LIMIT 1`)[0]!.email;

  it("reads conditions no index serves at most a scan budget a request, and paging on finds every match once", async () => {
    // Part of a resource's name is checked row by row: no trigram index covers it.
    const [name] = await db().$queryRaw<{ part: string }[]>`
      SELECT left(resource_name, 6) AS part FROM audit_event WHERE resource_name IS NOT NULL GROUP BY 1 HAVING count(*) BETWEEN 5 AND 200 ORDER BY count(*) DESC LIMIT 1`;
    const filter = withCondition(all, { dimension: "resource", value: name!.part, exclude: false });
    const expected = await expectedGids(filter);
    expect(expected.length).toBeGreaterThan(4);
    const found: string[] = [];
    let page: EventView["page"] = null;
    let partial = 0;
    for (let i = 0; i < 1000; i++) {
      const result = await listEvents({ filter, sort: "newest", size: 50, page, scanBudget: 97 });
      found.push(...result.events.map((e) => e.gid));
      if (result.scanned) partial++;
      if (!result.next) break;
      page = { after: cursorOf(result.next) };
    }
    expect(found).toEqual(expected);
    expect(partial).toBeGreaterThan(0);
  });

  it("answers a rare term over the whole range at once, through the trigram index, both ways round", async () => {
    const filter = withCondition(all, { dimension: "text", value: await someone(), exclude: false });
    for (const sort of ["newest", "oldest"] as const) {
      const expected = await expectedGids(filter, sort);
      expect(expected.length).toBeGreaterThan(5);
      // A budget far smaller than the table: without the index each page would stop part-way.
      const first = await listEvents({ filter, sort, size: 50, page: null, scanBudget: 20 });
      expect(first.scanned).toBeNull();
      expect(first.events.map((e) => e.gid)).toEqual(expected.slice(0, 50));
      expect(first.next === null).toBe(expected.length <= 50);
    }
  });

  it("says at once that nothing matches a term found nowhere", async () => {
    const nothing = withCondition(all, { dimension: "text", value: "zz-no-such-text", exclude: false });
    const answer = await listEvents({ filter: nothing, sort: "newest", size: 50, page: null, scanBudget: 100 });
    expect(answer).toMatchObject({ events: [], scanned: null, next: null });
  });

  it("reads a term without three letters or digits in a row in batches: the index has nothing to look up", async () => {
    const short = withCondition(all, { dimension: "text", value: "q~", exclude: false });
    const first = await listEvents({ filter: short, sort: "newest", size: 50, page: null, scanBudget: 100 });
    expect(first.events).toEqual([]);
    expect(first.scanned?.rows).toBe(100);
    expect(first.next).not.toBeNull();
  });
});

describe("countEvents", () => {
  it("is exact on small sets", async () => {
    const total = Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event`)[0]!.n);
    expect(await countEvents(all)).toEqual({ count: total, exact: true });
    const deleted = withCondition(all, { dimension: "category", value: "deletion", exclude: false });
    expect(await countEvents(deleted)).toEqual({ count: (await expectedGids(deleted)).length, exact: true });
  });
});

describe("countNewer", () => {
  it("counts matching events after a position", async () => {
    const gids = await expectedGids(all);
    const { events } = await listEvents({ filter: all, sort: "newest", size: 50, page: null });
    const tenth = events[9]!;
    expect(await countNewer(all, { at: tenth.createdAt, gid: tenth.gid })).toEqual({ count: 9, capped: false });
    expect(await countNewer(all, { at: tenth.createdAt, gid: tenth.gid }, 5)).toEqual({ count: 5, capped: true });
    expect(gids[0]).toBe(events[0]!.gid);
  });
});
