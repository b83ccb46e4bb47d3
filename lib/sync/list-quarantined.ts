import { db } from "@/lib/db/client";

export interface QuarantinedView {
  id: number;
  workspaceGid: string;
  gid: string | null;
  reason: string;
  receivedAt: string;
  /** The record as received, up to PAYLOAD_SHOWN characters. */
  payload: string;
  /** Its whole length, when `payload` is only its start. */
  payloadLength?: number;
}

/** A list of fifty records must stay small whatever they hold: each is cut here. */
const PAYLOAD_SHOWN = 4_000;
const TEXT_SHOWN = 1_000;

/** The newest records kept aside, with the reason each was refused. */
export async function listQuarantined(limit = 50): Promise<QuarantinedView[]> {
  const rows = await db().$queryRaw<{ id: number; workspace_gid: string; gid: string | null; reason: string; received_at: Date; payload: string; payload_length: number }[]>`
    SELECT id, left(workspace_gid, ${TEXT_SHOWN}) AS workspace_gid, left(gid, ${TEXT_SHOWN}) AS gid, left(reason, ${TEXT_SHOWN}) AS reason, received_at,
      left(payload::text, ${PAYLOAD_SHOWN}) AS payload, length(payload::text) AS payload_length
    FROM quarantined_event ORDER BY received_at DESC, id DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    workspaceGid: r.workspace_gid,
    gid: r.gid,
    reason: r.reason,
    receivedAt: r.received_at.toISOString(),
    payload: r.payload,
    ...(r.payload_length > r.payload.length ? { payloadLength: r.payload_length } : {}),
  }));
}
