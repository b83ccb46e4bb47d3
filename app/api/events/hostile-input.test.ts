import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedEvents } from "@/lib/events/test-events";
import { parseEventParams } from "@/lib/events/search-params";
import { countEvents } from "@/lib/events/count-events";
import { listEvents } from "@/lib/events/list-events";

/**
 * Bad input, on purpose: over a thousand generated parameter sets (wrong types, huge values,
 * injection strings, invalid CIDRs, reversed ranges, unknown and repeated keys) thrown at
 * every events endpoint and at the page's loader. Each answer must be a 400 that says what
 * is wrong, or a valid result: never a 500, never a stack trace.
 */
vi.mock("@/lib/auth/session", () => ({
  adminFromCookies: async () => ({ sessionId: "s", adminId: "a", email: "tester@example.com", name: "Tester", provider: "credentials" }),
}));

const { GET: list } = await import("./route");
const { GET: count } = await import("./count/route");
const { GET: facets } = await import("./facets/route");
const { GET: newer } = await import("./newer/route");
const { GET: exportEvents } = await import("./export/route");
const { GET: one } = await import("./[gid]/route");
const { default: EventsPage } = await import("@/app/(dashboard)/events/(explorer)/page");

const KEYS = [
  "range", "from", "to", "type", "not_type", "category", "not_category", "actor_type", "not_actor_type", "actor", "not_actor",
  "resource_type", "resource", "not_resource", "ip", "not_ip", "context", "auth", "not_auth", "app", "text", "not_text",
  "cols", "sort", "size", "tz", "after", "before", "refresh", "event", "exact", "since", "format",
  // Keys nobody declared, some chosen to trip naive object handling.
  "typ", "__proto__", "constructor", "type[]", "q", "page", "limit", "offset", "", " ", "Type", "SIZE",
];

const HOSTILE = [
  "", " ", ",", ",,,", "null", "undefined", "NaN", "Infinity", "-1", "0", "1e309", "9".repeat(400), "[]", "{}", "true", "%", "_", "\\", "'", '"', "`",
  "' OR 1=1 --", "'; DROP TABLE audit_event; --", "1); DELETE FROM actor; --", "$1", "$$", "::inet", "))", "((", "' UNION SELECT raw FROM audit_event --",
  "\u0000", "a\u0000b", "%00", "\r\n", "\t", "${7*7}", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd", "\ud800", "👩‍💻", "\u202egnp.exe",
  "x".repeat(201), "y".repeat(5_000), Array.from({ length: 60 }, (_, i) => `v${i}`).join(","), Array.from({ length: 2_000 }, () => "a").join(","),
  "10.0.0.0/33", "256.1.1.1", "::/129", "1.2.3.4/", "/8", "10.0.0.0/8/8", "1.2.3", "gggg::1", "1.2.3.4%eth0", "010.0.0.1", "1:2:3:4:5:6:7:8:9", "10.0.0.1/-1",
  "2026-02-30", "0000-01-01", "99999-01-01", "2026-11-20T25:00", "1e10", "2026-13-01", "-2026-01-01", "2026-11-20T10:00:00+99:00",
  "2026-11-20T10:00:00.000Z~", "~1234", "2026-11-20T10:00:00.000Z~'--", "0d", "99999999d", "-7d", "7", "7D",
  // Found by case 5 of issue #13: each passed the checks and failed in PostgreSQL.
  "1.2.3.4::", "1.2.3.4::/64", "::/08", ...BOUNDARY_CURSORS(),
];

/** Positions at and past the ends of what PostgreSQL and JavaScript hold, with real and odd gids. */
function BOUNDARY_CURSORS(): string[] {
  const instants = ["0000-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-11-20T24:00:00.000Z"];
  return instants.flatMap((at) => [`${at}~1204`, `${at}~${"9".repeat(64)}`]);
}

const VALID: Record<string, string[]> = {
  range: ["15m", "7d", "all", "90d"],
  from: ["2026-01-01", "2026-11-20T10:00:00Z"],
  to: ["2026-12-01", "2027-01-01T00:00:00+01:00"],
  type: ["task_deleted", "user_login_succeeded,user_login_failed", "brand_new_type"],
  category: ["logins", "deletion"],
  actor_type: ["user", "asana"],
  actor: ["alice@example.com", "1201000000000001", "smith"],
  resource: ["1", "plan"],
  ip: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"],
  context: ["web"],
  auth: ["oauth"],
  app: ["Slack"],
  text: ["budget", "100%"],
  cols: ["time,actor", "time,gid,userAgent"],
  sort: ["newest", "oldest"],
  size: ["50", "100", "500"],
  tz: ["utc", "local"],
  after: ["2026-11-20T10:00:00.000Z~1204"],
  before: ["2026-11-20T10:00:00.000Z~1204"],
  refresh: ["30s"],
  format: ["csv", "ndjson"],
  exact: ["1"],
  since: ["2026-11-20T10:00:00.000Z~1204"],
};

/** A small seeded generator, so that a failure names a set that can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

function parameterSet(seed: number): URLSearchParams {
  const { next, pick } = generator(seed);
  const params = new URLSearchParams();
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const key = pick(KEYS);
    const valid = VALID[key.startsWith("not_") ? key.slice(4) : key];
    params.append(key, valid && next() < 0.4 ? pick(valid) : pick(HOSTILE));
  }
  // A reversed range now and then, written validly otherwise.
  if (next() < 0.05) (params.set("from", "2026-11-21"), params.set("to", "2026-11-20"));
  return params;
}

const SETS = 1_100;
const noParams = { params: Promise.resolve({}) };

async function expectSane(response: Response, what: string) {
  expect([200, 400], `${what} → ${response.status}`).toContain(response.status);
  const text = await response.text();
  expect(text, what).not.toMatch(/\n\s+at |node_modules|Prisma|PrismaClient|stack/);
  if (response.status === 400) {
    const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code, what).toBe("bad_request");
    expect(body.error.message.length, what).toBeGreaterThan(5);
  } else if ((response.headers.get("content-type") ?? "").includes("json")) {
    expect(() => JSON.parse(text), what).not.toThrow();
  }
  return response.status;
}

beforeAll(async () => {
  await seedEvents(300, 21);
}, 120_000);

describe("the events API under hostile input", () => {
  it(`answers ${SETS} generated parameter sets on every endpoint with a 400 or a valid result`, async () => {
    const statuses = { 200: 0, 400: 0 } as Record<number, number>;
    for (let seed = 1; seed <= SETS; seed++) {
      const params = parameterSet(seed);
      const search = params.toString();
      const endpoints = [
        ["/api/events", list],
        ["/api/events/count", count],
        ["/api/events/facets", facets],
        ["/api/events/newer", newer],
        ...(seed % 5 === 0 ? ([["/api/events/export", exportEvents]] as const) : []),
      ] as const;
      for (const [path, handler] of endpoints) {
        const response = await handler(new NextRequest(`http://localhost${path}?${search}`), noParams);
        const status = await expectSane(response, `seed ${seed}: ${path}?${search.slice(0, 300)}`);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
    // Both kinds of answer happened: the generator does not only produce garbage.
    expect(statuses[200]).toBeGreaterThan(100);
    expect(statuses[400]).toBeGreaterThan(1_000);
  }, 600_000);

  it("case 5: answers boundary dates in after, before and since with a 400 that says why, or a page", async () => {
    for (const cursor of BOUNDARY_CURSORS()) {
      for (const key of ["after", "before", "since"]) {
        const search = new URLSearchParams({ [key]: cursor, range: "all" });
        for (const [path, handler] of [["/api/events", list], ["/api/events/newer", newer]] as const) {
          if ((key === "since") !== (path === "/api/events/newer")) continue;
          const response = await handler(new NextRequest(`http://localhost${path}?${search}`), noParams);
          const status = await expectSane(response, `${path}?${search}`);
          if (cursor.startsWith("0001") || cursor.startsWith("9999")) expect(status, `${path}?${search}`).toBe(200);
        }
      }
    }
  });

  it("answers hostile event gids with a 400 or a 404", async () => {
    for (const gid of [...HOSTILE, "1", "9".repeat(65)]) {
      const response = await one(new NextRequest(`http://localhost/api/events/x`), { params: Promise.resolve({ gid }) });
      expect([400, 404], gid).toContain(response.status);
      expect(await response.text()).not.toMatch(/\n\s+at |stack/);
    }
  });
});

describe("the events page under hostile input", () => {
  it(`gives each of ${SETS} parameter sets a specific message or a view that loads`, async () => {
    let loaded = 0;
    for (let seed = 1; seed <= SETS; seed++) {
      const params = parameterSet(seed);
      const parsed = parseEventParams(params);
      if (!parsed.ok) {
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const e of parsed.errors) expect(e.message.length, `seed ${seed}`).toBeGreaterThan(5);
      } else {
        // What the page prefetches: it must not throw for any input the parser let through.
        await listEvents({ filter: parsed.filter, sort: parsed.view.sort, size: parsed.view.size, page: parsed.view.page });
        await countEvents(parsed.filter);
        loaded++;
      }
      if (seed % 50 === 0) {
        const record: Record<string, string[]> = Object.create(null);
        for (const [k, v] of params) (record[k] ??= []).push(v);
        await expect(EventsPage({ searchParams: Promise.resolve(record) })).resolves.toBeTruthy();
      }
    }
    expect(loaded).toBeGreaterThan(50);
  }, 600_000);
});
