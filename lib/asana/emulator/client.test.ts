/**
 * The official npm client (asana v3) is the referee: what it reads from the emulator must be
 * exactly the organisation's events, in order, for every filter, and its errors must look as it
 * surfaces Asana's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "./errors";
import { generateOrganisation } from "./organisation";
import { startEmulator, type Emulator } from "./server";
import {
  asanaClient,
  clientError,
  readAllWithClient,
  schemaErrors,
  type AuditLogApi,
  type ClientCollection,
} from "./test-support";
import type { AuditLogEvent } from "./types";

const NOW = Date.parse("2025-06-02T12:00:00.000Z");
const org = generateOrganisation({ seed: 11, events: 2500, now: NOW });
const all = org.allEvents();

let emu: Emulator;
let api: AuditLogApi;

beforeAll(async () => {
  emu = await startEmulator({
    organisation: org,
    clock: () => NOW,
    rateLimit: false,
    otherWorkspaces: ["1200000000000099"],
    tokens: [{ token: "pat-of-another-domain", workspaces: ["1200000000000099"] }],
  });
  api = asanaClient(emu.apiBase, emu.token);
});
afterAll(() => emu.close());

function gids(events: ReadonlyArray<{ gid?: unknown }>): unknown[] {
  return events.map((e) => e.gid);
}

async function readChecked(opts: Record<string, unknown>) {
  const { pages, events } = await readAllWithClient(api, emu.workspaceGid, opts);
  for (const p of pages) {
    const problem = schemaErrors(200, p._response);
    if (problem) throw new Error(problem);
  }
  return { pages, events };
}

describe("the official client against the emulator", () => {
  it("pages through the whole log, oldest first, with the default page size of 1000", async () => {
    const { pages, events } = await readChecked({});
    // The client's nextPage() stops at the first empty page: the "caught up" page, which still
    // carries next_page so that a poller can come back for newer events.
    expect(pages.map((p) => p.data.length)).toEqual([1000, 1000, 500, 0]);
    expect(events).toEqual(all);
    for (const p of pages) expect(p._response.next_page).not.toBeNull();
  });

  it("pages with an explicit limit and gets the same events", async () => {
    const { pages, events } = await readChecked({ limit: 100 });
    expect(pages).toHaveLength(26);
    expect(gids(events)).toEqual(gids(all));
  });

  const busy = org.pools.busy.gid;
  const someone = all.find((e) => e.actor.actor_type === "user" && e.actor.gid !== busy)!.actor.gid!;
  const someTask = all.find((e) => e.resource.resource_type === "task")!.resource.gid;
  const mid = Date.parse(all[800]!.created_at);
  const late = Date.parse(all[1900]!.created_at);
  const inWindow = (e: AuditLogEvent, from?: number, to?: number) => {
    const t = Date.parse(e.created_at);
    return (from === undefined || t >= from) && (to === undefined || t < to);
  };

  const cases: Array<[string, Record<string, unknown>, (e: AuditLogEvent) => boolean]> = [
    ["event_type", { event_type: "user_login_failed" }, (e) => e.event_type === "user_login_failed"],
    ["actor_type user", { actor_type: "user" }, (e) => e.actor.actor_type === "user"],
    ["actor_type asana", { actor_type: "asana" }, (e) => e.actor.actor_type === "asana"],
    ["actor_type anonymous", { actor_type: "anonymous" }, (e) => e.actor.actor_type === "anonymous"],
    ["actor_type asana_support", { actor_type: "asana_support" }, (e) => e.actor.actor_type === "asana_support"],
    [
      "actor_type external_administrator",
      { actor_type: "external_administrator" },
      (e) => e.actor.actor_type === "external_administrator",
    ],
    ["actor_gid (the busy integration)", { actor_gid: busy }, (e) => e.actor.gid === busy],
    ["actor_gid (a member)", { actor_gid: someone }, (e) => e.actor.gid === someone],
    ["resource_gid (the workspace)", { resource_gid: org.workspaceGid }, (e) => e.resource.gid === org.workspaceGid],
    ["resource_gid (a task)", { resource_gid: someTask }, (e) => e.resource.gid === someTask],
    ["start_at (inclusive)", { start_at: new Date(mid) }, (e) => inWindow(e, mid)],
    ["end_at (exclusive)", { end_at: new Date(mid) }, (e) => inWindow(e, undefined, mid)],
    ["start_at + end_at", { start_at: new Date(mid), end_at: new Date(late) }, (e) => inWindow(e, mid, late)],
    [
      "event_type + start_at + end_at",
      { event_type: "user_login_succeeded", start_at: new Date(mid), end_at: new Date(late) },
      (e) => e.event_type === "user_login_succeeded" && inWindow(e, mid, late),
    ],
    [
      "actor_type + event_type",
      { actor_type: "user", event_type: "task_permanently_deleted" },
      (e) => e.actor.actor_type === "user" && e.event_type === "task_permanently_deleted",
    ],
    [
      "actor_gid + resource_gid",
      { actor_gid: someone, resource_gid: someone },
      (e) => e.actor.gid === someone && e.resource.gid === someone,
    ],
  ];

  it.each(cases)("filters by %s", async (_name, opts, pred) => {
    const expected = all.filter(pred);
    expect(expected.length).toBeGreaterThan(0);
    // An odd page size for the narrow filters, the default 1000 for the broad ones, to keep this quick.
    const { events } = await readChecked(expected.length > 300 ? opts : { ...opts, limit: 37 });
    expect(events).toEqual(expected);
  });

  it("start_at is inclusive and end_at exclusive to the millisecond", async () => {
    const t = all[1234]!.created_at;
    const { events: from } = await readChecked({ start_at: t, limit: 100 });
    expect((from[0]!.created_at as string) >= t).toBe(true);
    expect(from.some((e) => e.gid === all[1234]!.gid)).toBe(true);
    const { events: before } = await readChecked({ end_at: t, limit: 100 });
    expect(before.every((e) => (e.created_at as string) < t)).toBe(true);
    expect(before.length + from.length).toBe(all.length);
  });

  it("answers null next_page, and nothing more, when nothing matches", async () => {
    const page = (await api.getAuditLogEvents(emu.workspaceGid, { event_type: "no_such_event" })) as ClientCollection;
    expect(page.data).toEqual([]);
    expect(page._response.next_page).toBeNull();
    expect(schemaErrors(200, page._response)).toBeNull();
    expect((await page.nextPage()).data).toBeNull();
  });

  it("surfaces a wrong token as a 401 with Asana's body", async () => {
    const err = await clientError(asanaClient(emu.apiBase, "not-a-token").getAuditLogEvents(emu.workspaceGid, {}));
    expect(err.status).toBe(401);
    expect(err.response!.body).toEqual({ errors: [{ message: "Not Authorized", help: expect.stringContaining("errors") }] });
    expect(schemaErrors(401, err.response!.body)).toBeNull();
  });

  it("surfaces an unknown workspace as a 404 and someone else's as a 403", async () => {
    const e404 = await clientError(api.getAuditLogEvents("123", {}));
    expect(e404.status).toBe(404);
    expect((e404.response!.body as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
      "workspace: Not a recognized ID: 123",
    );
    const e403 = await clientError(api.getAuditLogEvents("1200000000000099", {}));
    expect(e403.status).toBe(403);
    expect(schemaErrors(403, e403.response!.body)).toBeNull();
    const other = asanaClient(emu.apiBase, "pat-of-another-domain");
    expect((await clientError(other.getAuditLogEvents(emu.workspaceGid, {}))).status).toBe(403);
    const empty = (await other.getAuditLogEvents("1200000000000099", {})) as ClientCollection;
    expect(empty._response).toEqual({ data: [], next_page: null });
  });

  it.each([
    [{ start_at: "yesterday" }, MESSAGES.badDateTime("start_at", "yesterday")],
    [{ end_at: "2025-02-30T00:00:00Z" }, MESSAGES.badDateTime("end_at", "2025-02-30T00:00:00Z")],
    [{ actor_type: "robot" }, MESSAGES.badActorType("robot")],
    [{ actor_type: "user", actor_gid: "1201000000000001" }, MESSAGES.actorTypeWithGid],
    [{ actor_gid: "me" }, MESSAGES.badGid("actor_gid", "me")],
    [{ limit: 0 }, MESSAGES.badLimit("0", 100)],
    [{ limit: 101 }, MESSAGES.badLimit("101", 100)],
    [{ limit: "ten" }, MESSAGES.badLimit("ten", 100)],
    [{ offset: "eyJub3QiOiJvdXJzIn0" }, MESSAGES.badOffset],
  ])("surfaces %j as a 400", async (opts, message) => {
    const err = await clientError(api.getAuditLogEvents(emu.workspaceGid, opts));
    expect(err.status).toBe(400);
    expect(err.response!.body).toEqual({ errors: [{ message, help: expect.any(String) }] });
    expect(schemaErrors(400, err.response!.body)).toBeNull();
  });
});
