import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { BATCH_COLUMNS, toBatchEvent, type BatchEvent, type BatchRow } from "./batch";
import { run, type Tx } from "./db";
import type { Finding } from "./raise";
import type { afterSettings } from "./rule";
import { allOf } from "./rule-sql";
import { groupBy } from "./collect";

const sql = Prisma.sql;

/** Actors judged per batch, and marker events read for them. */
const MAX_ACTORS = 1_000;
const MAX_MARKERS = 10_000;

/**
 * Events by an actor who had earlier been the resource of a marker event (deprovisioned) with
 * no cancelling event (reprovisioned) between the two: "activity by a deprovisioned user
 * after deprovisioning", in event time.
 */
export async function afterFindings(
  tx: Tx,
  _settings: z.infer<typeof afterSettings>,
  filters: { marker: Prisma.Sql[]; cancel: Prisma.Sql[] | null; subject: Prisma.Sql[] },
  batch: { subjects: BatchEvent[]; markers: BatchEvent[] },
): Promise<Finding[]> {
  const { marker, cancel } = filters;
  // A marker stored after the activity it makes suspicious (a late deprovisioning, or one
  // backfilled in another window): that actor's stored activity since is judged now.
  const seen = new Set(batch.subjects.map((e) => e.gid));
  const matched = [...batch.subjects, ...(await activitySince(tx, filters.subject, batch.markers)).filter((e) => !seen.has(e.gid))];
  const actors = [...new Set(matched.map((e) => e.actorGid).filter((g): g is string => g !== null))].slice(0, MAX_ACTORS);
  if (actors.length === 0) return [];
  const isCancel = cancel ? allOf(cancel) : sql`FALSE`;
  const marks = await run<{ gid: string; at: Date; cancel: boolean }>(
    tx,
    sql`
    SELECT resource_gid AS gid, created_at AS at, (${isCancel}) AS cancel FROM audit_event
    WHERE resource_gid = ANY(${actors}::text[]) AND ((${allOf(marker)}) OR (${isCancel}))
    ORDER BY resource_gid, created_at LIMIT ${MAX_MARKERS}`,
  );
  const byActor = groupBy(marks, (m) => m.gid);
  // The last marker or cancellation strictly before the event decides.
  const flagged = matched.filter((e) => {
    const last = (e.actorGid ? byActor.get(e.actorGid) : undefined)?.filter((m) => m.at.getTime() < e.at.getTime()).at(-1);
    return last !== undefined && !last.cancel;
  });
  return [...groupBy(flagged, (e) => e.actorKey)].map(([key, events]) => ({ key, events: events.map((e) => ({ gid: e.gid, at: e.at })), trigger: events.at(-1)! }));
}

/** Stored events of the actors that new marker events name (as their resource), after the earliest of those markers. */
async function activitySince(tx: Tx, subject: Prisma.Sql[], markers: BatchEvent[]): Promise<BatchEvent[]> {
  const named = [...new Set(markers.map((m) => m.keys.resource).filter((g): g is string => g !== null))].slice(0, MAX_ACTORS);
  if (named.length === 0) return [];
  const since = new Date(Math.min(...markers.map((m) => m.at.getTime())));
  const rows = await run<BatchRow>(
    tx,
    sql`
    SELECT ${BATCH_COLUMNS}, ARRAY[]::int[] AS matched
    FROM audit_event WHERE ${allOf([sql`actor_key = ANY(${named}::text[])`, sql`created_at > ${since}`, ...subject])}
    ORDER BY created_at LIMIT ${MAX_MARKERS}`,
  );
  return rows.map(toBatchEvent);
}
