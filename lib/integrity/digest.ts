import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * A sealed day's fingerprint, defined so that an auditor can recompute it with standard
 * tools alone (README, "Checking an export"):
 * - digest: SHA-256 over the day's events (created_at in that UTC day, one workspace), in
 *   gid order by bytes, each event's raw JSON as Asana sent it followed by a newline;
 * - chain: SHA-256 of the line "<previous chain> <day> <digest>\n", the previous chain being
 *   the chain of the workspace's previous sealed day, or 64 zeros for the first.
 * Changing, adding or removing any event of a sealed day changes its digest and every chain
 * from that day on.
 */
export const GENESIS = "0".repeat(64);

export function chainLink(previous: string, day: string, digest: string): string {
  return createHash("sha256").update(`${previous} ${day} ${digest}\n`).digest("hex");
}

export interface DayDigest {
  digest: string;
  events: number;
}

const FETCH = 2_000;
/** Past this many events a day is hashed as a stream (PostgreSQL's strings stop at 1 GB). */
const IN_DATABASE_UP_TO = 200_000;
const DAY_RANGE = `workspace_gid = $1 AND created_at >= $2::date AT TIME ZONE 'UTC' AND created_at < ($2::date + 1) AT TIME ZONE 'UTC'`;

/**
 * The day's digest. PostgreSQL hashes an ordinary day itself (nothing crosses the wire but
 * the hash); a day too large for one of its strings is read through a cursor and hashed
 * here, a batch at a time. `client` must be inside a transaction. `day` is YYYY-MM-DD (UTC).
 */
export async function digestDay(client: pg.ClientBase, workspaceGid: string, day: string): Promise<DayDigest> {
  const { rows: size } = await client.query<{ n: string | null }>(`SELECT sum(count) AS n FROM event_rollup_daily WHERE workspace_gid = $1 AND day = $2::date`, [workspaceGid, day]);
  if (Number(size[0]?.n ?? 0) <= IN_DATABASE_UP_TO) {
    const { rows } = await client.query<{ digest: string; events: number }>(
      `SELECT encode(sha256(COALESCE(string_agg(convert_to(raw, 'UTF8') || '\\x0a'::bytea, ''::bytea ORDER BY gid COLLATE "C"), ''::bytea)), 'hex') AS digest, count(*)::int AS events
       FROM audit_event WHERE ${DAY_RANGE}`,
      [workspaceGid, day],
    );
    return rows[0]!;
  }
  return streamDigest(client, workspaceGid, day);
}

async function streamDigest(client: pg.ClientBase, workspaceGid: string, day: string): Promise<DayDigest> {
  const hash = createHash("sha256");
  let events = 0;
  const cursor = `day_${day.replaceAll("-", "")}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT raw FROM audit_event WHERE ${DAY_RANGE} ORDER BY gid COLLATE "C"`, [workspaceGid, day]);
  for (;;) {
    const { rows } = await client.query<{ raw: string }>(`FETCH ${FETCH} FROM ${cursor}`);
    for (const row of rows) hash.update(row.raw, "utf8").update("\n");
    events += rows.length;
    if (rows.length < FETCH) break;
  }
  await client.query(`CLOSE ${cursor}`);
  return { digest: hash.digest("hex"), events };
}

export { streamDigest as digestDayStreaming };
