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

/**
 * The day's digest, read through a cursor on `client` (which must be inside a transaction):
 * memory stays at one batch of rows whatever the day holds. `day` is YYYY-MM-DD (UTC).
 */
export async function digestDay(client: pg.ClientBase, workspaceGid: string, day: string): Promise<DayDigest> {
  const hash = createHash("sha256");
  let events = 0;
  const cursor = `day_${day.replaceAll("-", "")}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT raw FROM audit_event
       WHERE workspace_gid = $1 AND created_at >= $2::date AT TIME ZONE 'UTC' AND created_at < ($2::date + 1) AT TIME ZONE 'UTC'
       ORDER BY gid COLLATE "C"`,
    [workspaceGid, day],
  );
  for (;;) {
    const { rows } = await client.query<{ raw: string }>(`FETCH ${FETCH} FROM ${cursor}`);
    for (const row of rows) hash.update(row.raw, "utf8").update("\n");
    events += rows.length;
    if (rows.length < FETCH) break;
  }
  await client.query(`CLOSE ${cursor}`);
  return { digest: hash.digest("hex"), events };
}
