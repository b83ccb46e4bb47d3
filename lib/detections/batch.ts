import { Prisma } from "@/lib/generated/prisma/client";
import { run, type Tx } from "./db";
import type { GroupKey } from "./rule";
import { KEY_EXPRESSION } from "./rule-sql";

const sql = Prisma.sql;
const raw = Prisma.raw;

/** A newly stored event as the rules see it, with which rules' filters it matched. */
export interface BatchEvent {
  gid: string;
  at: Date;
  actorKey: string;
  actorGid: string | null;
  actorLabel: string;
  resourceLabel: string | null;
  /** The event's value of each key a rule may group by (KEY_EXPRESSION). */
  keys: Record<GroupKey, string | null>;
  /** Indexes into the filters given to loadBatch whose conditions the event meets. */
  matched: number[];
}

/** What the rules read of each event: names for the alert's title, and every key a rule may group by. */
export const BATCH_COLUMNS = sql`gid, created_at AS at, actor_key, actor_gid, left(COALESCE(actor_name, actor_email, actor_key), 300) AS actor_label,
  left(COALESCE(resource_name, resource_email, resource_gid), 300) AS resource_label,
  ${raw(KEY_EXPRESSION.actor)} AS k_actor, ${raw(KEY_EXPRESSION.ip)} AS k_ip, ${raw(KEY_EXPRESSION.resource)} AS k_resource, ${raw(KEY_EXPRESSION.app)} AS k_app`;

export interface BatchRow {
  gid: string;
  at: Date;
  actor_key: string;
  actor_gid: string | null;
  actor_label: string;
  resource_label: string | null;
  k_actor: string;
  k_ip: string | null;
  k_resource: string | null;
  k_app: string | null;
  matched: number[];
}

export const toBatchEvent = (r: BatchRow): BatchEvent => ({
  gid: r.gid,
  at: r.at,
  actorKey: r.actor_key,
  actorGid: r.actor_gid,
  actorLabel: r.actor_label,
  resourceLabel: r.resource_label,
  keys: { actor: r.k_actor, ip: r.k_ip, resource: r.k_resource, app: r.k_app, none: "" },
  matched: r.matched,
});

/**
 * The batch's events that meet at least one filter, read once, with every filter evaluated
 * on each in the same pass: one primary-key lookup per new event whatever the number of
 * rules (each rule reading the batch on its own would cost that many times over). Events no
 * rule looks at stay in PostgreSQL: most of a page is routine. OFFSET 0 keeps the flags one
 * computation per event (inlined, the filter and the list would each evaluate them), and the
 * subquery reads only the columns the rules use (a materialised CTE of whole rows cost a fifth
 * more).
 */
export async function loadBatch(tx: Tx, gids: readonly string[], filters: readonly Prisma.Sql[]): Promise<BatchEvent[]> {
  if (gids.length === 0) return [];
  const flags = filters.length === 0 ? sql`ARRAY[]::int[]` : sql`array_remove(ARRAY[${Prisma.join(filters.map((f, i) => sql`CASE WHEN ${f} THEN ${i}::int END`))}], NULL)`;
  const rows = await run<BatchRow>(
    tx,
    sql`
    SELECT * FROM (SELECT ${BATCH_COLUMNS}, ${flags} AS matched FROM audit_event WHERE gid = ANY(${[...gids]}::text[]) OFFSET 0) AS n
    WHERE cardinality(matched) > 0`,
  );
  return rows.map(toBatchEvent);
}
