import { db, dbPool } from "@/lib/db/client";
import { log } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterFindings } from "./after";
import { groupBy } from "./collect";
import { loadBatch, type BatchEvent } from "./batch";
import type { Tx } from "./db";
import { firstSeenFindings } from "./first-seen";
import { raiseAll, splitRuns, type Finding } from "./raise";
import { ruleFromRow, type Rule } from "./rule";
import { allOf, compileFilter } from "./rule-sql";

const sql = Prisma.sql;
import { thenFindings, thresholdFindings } from "./threshold";
import { travelFindings } from "./travel";

/** A rule with its filters compiled, and where they sit in the batch's flag list. */
interface Prepared {
  rule: Rule;
  primary: number;
  then: number | null;
  /** An "after" rule's marker filter in the batch's flags. */
  marker: number | null;
  conditions: Prisma.Sql[];
  thenConditions: Prisma.Sql[] | null;
  markerConditions: Prisma.Sql[] | null;
  cancel: Prisma.Sql[] | null;
}

/** The enabled rules, compiled; a rule whose filter no longer parses is skipped and logged. */
export async function prepareRules(now = new Date(), only?: readonly string[]): Promise<{ prepared: Prepared[]; filters: Prisma.Sql[] }> {
  const rows = await db().detectionRule.findMany({ where: { enabled: true, ...(only ? { id: { in: [...only] } } : {}) }, orderBy: { id: "asc" } });
  const prepared: Prepared[] = [];
  const filters: Prisma.Sql[] = [];
  // Rules that share a filter (four read sign-ins) share its flag: each flag is evaluated on
  // every event of the batch.
  const flags = new Map<string, number>();
  const flag = (conditions: Prisma.Sql[]) => {
    const filter = Prisma.sql`(${allOf(conditions)})`;
    const same = `${filter.text}\u0000${JSON.stringify(filter.values, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))}`;
    const known = flags.get(same);
    if (known !== undefined) return known;
    filters.push(filter);
    flags.set(same, filters.length - 1);
    return filters.length - 1;
  };
  for (const row of rows) {
    const rule = ruleFromRow(row);
    const compiled = rule ? compileFilter(rule.query, rule.detailsMatch, now) : null;
    if (!rule || !compiled?.ok) {
      log.warn({ rule: row.id, reason: compiled && !compiled.ok ? compiled.error : "settings do not parse" }, "detection rule skipped");
      continue;
    }
    const then = rule.condition === "threshold" && rule.settings.then ? compileFilter(rule.settings.then, [], now) : null;
    const marker = rule.condition === "after" ? compileFilter(rule.settings.marker, [], now) : null;
    const cancel = rule.condition === "after" && rule.settings.cancel ? compileFilter(rule.settings.cancel, [], now) : null;
    if ((then && !then.ok) || (marker && !marker.ok) || (cancel && !cancel.ok)) {
      log.warn({ rule: row.id }, "detection rule skipped: a filter of its condition does not parse");
      continue;
    }
    prepared.push({
      rule,
      // An "after" rule's subjects are only events by someone a marker ever named: nearly every
      // event is by a user, and reading them all back for a rule that fires on a handful of
      // leavers cost the batch most of its rows. The markers are few (one per deprovisioning),
      // so PostgreSQL reads them once per batch into a hashed set.
      primary: flag(marker?.ok ? [...compiled.conditions, sql`actor_gid IN (SELECT resource_gid FROM audit_event WHERE ${allOf(marker.conditions)})`] : compiled.conditions),
      then: then?.ok ? flag(then.conditions) : null,
      marker: marker?.ok ? flag(marker.conditions) : null,
      conditions: compiled.conditions,
      thenConditions: then?.ok ? then.conditions : null,
      markerConditions: marker?.ok ? marker.conditions : null,
      cancel: cancel?.ok ? cancel.conditions : null,
    });
  }
  return { prepared, filters };
}

/** What one rule finds among a batch of new events. */
async function findingsOf(tx: Tx, p: Prepared, batch: BatchEvent[]): Promise<Finding[]> {
  const matched = batch.filter((e) => e.matched.includes(p.primary));
  const { rule } = p;
  switch (rule.condition) {
    case "match": {
      const byKey = groupBy(matched, (e) => e.keys[rule.settings.groupBy] ?? "");
      const byGid = new Map(matched.map((e) => [e.gid, e]));
      return [...byKey].flatMap(([key, events]) => splitRuns({ key, events: events.map((e) => ({ gid: e.gid, at: e.at })), trigger: events.at(-1)! }, rule.dedupSeconds, byGid));
    }
    case "threshold":
      if (p.then !== null) return thenFindings(tx, rule.settings, { conditions: p.conditions, then: p.thenConditions! }, { thens: batch.filter((e) => e.matched.includes(p.then!)), matched });
      return thresholdFindings(tx, rule.settings, p.conditions, matched);
    case "first_seen":
      return firstSeenFindings(tx, rule.id, rule.settings, p.conditions, matched);
    case "after": {
      const byGid = new Map(matched.map((e) => [e.gid, e]));
      const markers = batch.filter((e) => e.matched.includes(p.marker!));
      const findings = await afterFindings(tx, rule.settings, { marker: p.markerConditions!, cancel: p.cancel, subject: p.conditions }, { subjects: matched, markers });
      for (const f of findings) for (const e of f.events) if (!byGid.has(e.gid)) byGid.set(e.gid, f.trigger);
      return findings.flatMap((f) => splitRuns(f, rule.dedupSeconds, byGid));
    }
    case "travel": {
      const byGid = new Map(matched.map((e) => [e.gid, e]));
      return (await travelFindings(tx, rule.settings, p.conditions, matched)).flatMap((f) => splitRuns(f, rule.dedupSeconds, byGid));
    }
  }
}

/**
 * Judges newly stored events by every prepared rule, inside the caller's transaction:
 * alerts opened or extended, and the ids of those opened (to notify). One rule failing (a
 * statement timeout on a costly filter) is logged and leaves the others' work standing.
 */
export async function judgeEvents(tx: Tx, gids: readonly string[], rules: { prepared: Prepared[]; filters: Prisma.Sql[] }): Promise<string[]> {
  if (rules.prepared.length === 0 || gids.length === 0) return [];
  const relevant = await loadBatch(tx, gids, rules.filters);
  const concerned = rules.prepared.filter((p) => relevant.some((e) => e.matched.includes(p.primary) || (p.then !== null && e.matched.includes(p.then)) || (p.marker !== null && e.matched.includes(p.marker))));
  if (concerned.length === 0) return [];
  // One savepoint for the batch, not one per rule: each is a round trip and most batches fail
  // nowhere. A failure rolls the batch back and judges it again rule by rule.
  await tx.query("SAVEPOINT batch");
  try {
    const opened: string[] = [];
    for (const p of concerned) opened.push(...(await judgeRule(tx, p, relevant)));
    await tx.query("RELEASE SAVEPOINT batch");
    return opened;
  } catch {
    await tx.query("ROLLBACK TO SAVEPOINT batch");
  }
  const opened: string[] = [];
  for (const p of concerned) {
    await tx.query("SAVEPOINT rule");
    try {
      opened.push(...(await judgeRule(tx, p, relevant)));
      await tx.query("RELEASE SAVEPOINT rule");
    } catch (error) {
      await tx.query("ROLLBACK TO SAVEPOINT rule");
      log.error({ rule: p.rule.id, err: error }, "detection rule failed on a batch; the other rules went on");
    }
  }
  return opened;
}

/** One rule's findings raised: the ids of the alerts it opened. */
async function judgeRule(tx: Tx, p: Prepared, relevant: BatchEvent[]): Promise<string[]> {
  return raiseAll(tx, p.rule, await findingsOf(tx, p, relevant));
}

/** Queue entries judged per call after a page (each is one page's new events); a run's end judges all that is left, up to MAX_DRAIN. */
const MAX_ENTRIES = 50;
export const MAX_DRAIN = 100_000;

/** Queue entries (pages) judged as one batch at most, and events in it. */
const MERGED_ENTRIES = 200;
const MAX_BATCH = 10_000;

/**
 * The prepared rules, kept while no rule changed: compiling two dozen filters for every page
 * cost a backfill 7 ms a page. A rule's change shows in the table's count and newest update.
 */
type PreparedRules = Awaited<ReturnType<typeof prepareRules>>;
let cached: { signature: string; rules: PreparedRules } | null = null;
async function cachedRules(): Promise<PreparedRules> {
  const [row] = await db().$queryRaw<{ signature: string }[]>`SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') AS signature FROM detection_rule`;
  if (cached?.signature !== row!.signature) cached = { signature: row!.signature, rules: await prepareRules() };
  return cached.rules;
}

/** The newest queue entry's id (null when the queue is empty): what a judge may take once the addresses queued so far are located. */
export async function newestQueued(): Promise<string | null> {
  const [row] = await db().$queryRaw<{ id: string | null }[]>`SELECT max(id)::text AS id FROM detection_queue`;
  return row?.id ?? null;
}

/** The advisory lock key that makes judging one at a time ("judge" in ASCII). */
const JUDGE_LOCK = 0x6a75646765;

export interface JudgeOutcome {
  batches: number;
  events: number;
  opened: string[];
}

/**
 * Judges what the sync stored and queued (detection_queue), oldest first, each entry in one
 * transaction with its own removal: a crash before the commit leaves the entry for the next
 * call, and after it nothing is judged twice. Entries another instance is judging are
 * skipped. `onOpened` hears of the alerts opened (to queue their notifications) inside the
 * same transaction.
 */
export async function judgeQueued(options: { now?: Date; maxEntries?: number; wait?: boolean; upTo?: string | null; onOpened?: (tx: Tx, alertIds: string[]) => Promise<void> } = {}): Promise<JudgeOutcome> {
  const outcome: JudgeOutcome = { batches: 0, events: 0, opened: [] };
  let rules: Awaited<ReturnType<typeof prepareRules>> | null = null;
  for (let i = 0; i < (options.maxEntries ?? MAX_ENTRIES); i++) {
    const client = await dbPool().connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL synchronous_commit = off");
      // One judge at a time, in queue order, across processes: two judges raising alerts for the
      // same keys would lock alert rows in different orders and deadlock (one rule's work on a
      // batch lost). After a page, a busy judge is left to it (it takes the new entry next);
      // at a run's end, the drain waits for it.
      const { rows: lock } = await client.query<{ locked: boolean }>(options.wait ? "SELECT pg_advisory_xact_lock($1) IS NULL AS locked" : "SELECT pg_try_advisory_xact_lock($1) AS locked", [JUDGE_LOCK]);
      if (!options.wait && !lock[0]?.locked) {
        await client.query("COMMIT");
        break;
      }
      // Entries that piled up while another page was judged (a backfill writes faster than one
      // page at a time is judged) are judged together: one read of the batch and one query per
      // rule for all of them. Queue order is kept across batches.
      const { rows } = await client.query<{ id: string; gids: string[] }>(
        "SELECT id::text, gids FROM detection_queue WHERE id <= (SELECT min(id) + $1 FROM detection_queue) AND ($2::bigint IS NULL OR id <= $2::bigint) ORDER BY id FOR UPDATE SKIP LOCKED",
        [MERGED_ENTRIES - 1, options.upTo ?? null],
      );
      if (rows.length === 0) {
        await client.query("COMMIT");
        break;
      }
      const taken = [rows[0]!];
      let size = rows[0]!.gids.length;
      for (const row of rows.slice(1)) {
        if (size + row.gids.length > MAX_BATCH) break;
        taken.push(row);
        size += row.gids.length;
      }
      rules ??= options.now ? await prepareRules(options.now) : await cachedRules();
      const opened = await judgeEvents(client, taken.flatMap((r) => r.gids), rules);
      if (opened.length > 0) await options.onOpened?.(client, opened);
      await client.query("DELETE FROM detection_queue WHERE id = ANY($1::bigint[])", [taken.map((r) => r.id)]);
      await client.query("COMMIT");
      outcome.batches++;
      outcome.events += taken.reduce((n, r) => n + r.gids.length, 0);
      outcome.opened.push(...opened);
    } catch (error) {
      broken = await client.query("ROLLBACK").then(() => false, () => true);
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return outcome;
}
