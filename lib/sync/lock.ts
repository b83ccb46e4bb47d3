import pg from "pg";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * One sync per workspace at a time, across processes and app instances: a PostgreSQL
 * session-level advisory lock held on a connection of its own for the whole run. If the
 * process dies, the connection drops and PostgreSQL releases the lock by itself.
 */
const LOCK_NAMESPACE = 72_007_002;

export interface WorkspaceLock {
  release(): Promise<void>;
}

export async function tryLockWorkspace(workspaceGid: string): Promise<WorkspaceLock | null> {
  // Named, so that an operator (and the two-instance test) can tell from pg_stat_activity which
  // process of which instance holds a workspace's lock.
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: `audit-dashboard sync lock pid=${process.pid}` });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [LOCK_NAMESPACE, workspaceGid]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    release: async () => {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, workspaceGid]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Whether some process holds the workspace's sync lock now (pg_locks, which the typed client cannot read). */
export async function isWorkspaceLocked(workspaceGid: string): Promise<boolean> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = ${LOCK_NAMESPACE}::oid AND objid = hashtext(${workspaceGid})::oid AND granted`;
  return Number(row?.n ?? 0) > 0;
}
