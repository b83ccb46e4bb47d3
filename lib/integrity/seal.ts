import type pg from "pg";
import { dbPool } from "@/lib/db/client";
import { chainLink, digestDay, GENESIS } from "./digest";

/**
 * Sealing a verified day: its digest and the chain from it on, with a line of history. The
 * page-writing statement counts events stored into a sealed day (coverage_day.late_stored),
 * so that a later seal can tell the sync's late arrivals from changes made behind its back.
 * For that count to be exact, no write may slip between "the day is sealed" and "its digest
 * is taken": the day is first marked sealed, then every transaction that began before that
 * is waited for, and the digest is taken while the day's row is locked against writers.
 */
const SEAL_LOCK = 72_007_004;
const WAIT_MS = 150_000;

export interface Seal {
  day: string;
  digest: string;
  chain: string;
  events: number;
}

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    // Reading a day may take a while at ten million events; it is not a page's query.
    await client.query("SET LOCAL statement_timeout = 0");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Waits until every transaction that was running when `xid` committed has ended. */
async function waitForOlderTransactions(xid: string): Promise<void> {
  for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; ) {
    const { rows } = await dbPool().query<{ done: boolean }>("SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS done", [xid]);
    if (rows[0]?.done) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("Sealing waited too long for writes that were under way to finish.");
}

/** Recomputes the chain of every sealed day from `day` on (their digests stay). Returns the day's link. */
async function rechain(client: pg.ClientBase, workspaceGid: string, day: string): Promise<string> {
  const { rows: before } = await client.query<{ chain: string }>(
    "SELECT chain FROM coverage_day WHERE workspace_gid = $1 AND day < $2::date AND digest IS NOT NULL ORDER BY day DESC LIMIT 1",
    [workspaceGid, day],
  );
  let previous = before[0]?.chain ?? GENESIS;
  let link = previous;
  const { rows } = await client.query<{ day: string; digest: string }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day, digest FROM coverage_day WHERE workspace_gid = $1 AND day >= $2::date AND digest IS NOT NULL ORDER BY day",
    [workspaceGid, day],
  );
  for (const row of rows) {
    previous = chainLink(previous, row.day, row.digest);
    if (row.day === day) link = previous;
    await client.query("UPDATE coverage_day SET chain = $3 WHERE workspace_gid = $1 AND day = $2::date", [workspaceGid, row.day, previous]);
  }
  return link;
}

/**
 * Seals (or seals again) a day that has a coverage_day row, recording why. The digest covers
 * what is stored for the day at that moment; late_stored starts again from zero.
 */
export async function sealDay(workspaceGid: string, day: string, reason: string): Promise<Seal> {
  const marked = await inTransaction(async (client) => {
    const { rows } = await client.query<{ xid: string }>(
      "UPDATE coverage_day SET sealed_at = COALESCE(sealed_at, now()) WHERE workspace_gid = $1 AND day = $2::date RETURNING pg_current_xact_id()::text AS xid",
      [workspaceGid, day],
    );
    if (!rows[0]) throw new Error(`No coverage is recorded for ${day}: only a re-read day can be sealed.`);
    return rows[0].xid;
  });
  await waitForOlderTransactions(marked);
  return inTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [SEAL_LOCK, workspaceGid]);
    await client.query("SELECT 1 FROM coverage_day WHERE workspace_gid = $1 AND day = $2::date FOR UPDATE", [workspaceGid, day]);
    const { digest, events } = await digestDay(client, workspaceGid, day);
    await client.query(
      "UPDATE coverage_day SET digest = $3, sealed_count = $4, sealed_at = now(), late_stored = 0 WHERE workspace_gid = $1 AND day = $2::date",
      [workspaceGid, day, digest, events],
    );
    const chain = await rechain(client, workspaceGid, day);
    await client.query("INSERT INTO seal_event (workspace_gid, day, digest, chain, events, reason) VALUES ($1, $2::date, $3, $4, $5, $6)", [workspaceGid, day, digest, chain, events, reason]);
    return { day, digest, chain, events };
  });
}

export { inTransaction as inIntegrityTransaction };
