import { db } from "@/lib/db/client";

export interface QuarantinedView {
  id: number;
  workspaceGid: string;
  gid: string | null;
  reason: string;
  receivedAt: string;
  payload: string;
}

/** The newest records kept aside, with the reason each was refused. */
export async function listQuarantined(limit = 50): Promise<QuarantinedView[]> {
  const rows = await db().$queryRaw<{ id: number; workspace_gid: string; gid: string | null; reason: string; received_at: Date; payload: string }[]>`
    SELECT id, workspace_gid, gid, reason, received_at, payload::text AS payload
    FROM quarantined_event ORDER BY received_at DESC, id DESC LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, workspaceGid: r.workspace_gid, gid: r.gid, reason: r.reason, receivedAt: r.received_at.toISOString(), payload: r.payload }));
}
