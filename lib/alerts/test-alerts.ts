/**
 * Rules and alerts written straight into a database, as the detection engine would have
 * written them: for the data layer's tests, the inbox's browser test (through the e2e
 * server's own database) and bench:alerts. Takes any pg client or pool.
 */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface TestRule {
  id: string;
  name: string;
  severity?: string;
  query?: string;
  condition?: string;
  settings?: Record<string, unknown>;
  description?: string;
  runbook?: string;
  helpUrl?: string | null;
}

export async function insertTestRule(client: Queryable, rule: TestRule): Promise<void> {
  await client.query(
    `INSERT INTO detection_rule (id, name, description, runbook, help_url, query, condition, settings, severity, dedup_seconds, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, 3600, now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, runbook = EXCLUDED.runbook, help_url = EXCLUDED.help_url,
       query = EXCLUDED.query, condition = EXCLUDED.condition, settings = EXCLUDED.settings, severity = EXCLUDED.severity`,
    [
      rule.id,
      rule.name,
      rule.description ?? "",
      rule.runbook ?? "",
      rule.helpUrl ?? null,
      rule.query ?? "",
      rule.condition ?? "match",
      JSON.stringify(rule.settings ?? { groupBy: "actor" }),
      rule.severity ?? "medium",
    ],
  );
}

export interface TestAlert {
  ruleId: string;
  severity: string;
  title: string;
  firstAt: Date;
  lastAt: Date;
  status?: string;
  actorKey?: string | null;
  dedupKey?: string;
  eventCount?: number;
  /** alert_event rows; eventCount defaults to their number. */
  events?: Array<{ gid: string; at: Date }>;
}

/** Inserts alerts with their events; returns their ids in the order given. */
export async function insertTestAlerts(client: Queryable, alerts: TestAlert[]): Promise<string[]> {
  const ids: string[] = [];
  for (const a of alerts) {
    const { rows } = await client.query(
      `INSERT INTO alert (rule_id, rule_version, dedup_key, status, severity, title, first_at, last_at, event_count, actor_key)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [a.ruleId, a.dedupKey ?? a.actorKey ?? "", a.status ?? "open", a.severity, a.title, a.firstAt, a.lastAt, a.eventCount ?? a.events?.length ?? 1, a.actorKey ?? null],
    );
    const id = rows[0]!.id as string;
    ids.push(id);
    if (a.events?.length) {
      await client.query(`INSERT INTO alert_event (alert_id, event_gid, created_at) SELECT $1::bigint, g, t FROM unnest($2::text[], $3::timestamptz[]) AS u(g, t)`, [
        id,
        a.events.map((e) => e.gid),
        a.events.map((e) => e.at),
      ]);
    }
  }
  return ids;
}

/** Removes the rules (and with them, first, their alerts) a test wrote. */
export async function removeTestRules(client: Queryable, ruleIds: string[]): Promise<void> {
  await client.query(`DELETE FROM alert WHERE rule_id = ANY($1::text[])`, [ruleIds]);
  await client.query(`DELETE FROM detection_rule WHERE id = ANY($1::text[])`, [ruleIds]);
}
