import "server-only";
import { z } from "zod";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ACTION_RULES, ALERT_ACTIONS, AUDIT_ACTION_OF, isAlertId, MAX_BULK, type AlertAction, type AlertStatus } from "./vocabulary";

const sql = Prisma.sql;

/** POST /api/alerts/status: `{ "ids": ["12", "13"], "action": "acknowledge" }`. */
export const alertStatusInput = z.strictObject({
  ids: z
    .array(z.string().refine(isAlertId, "an alert's id is digits"))
    .min(1, "name at least one alert")
    .max(MAX_BULK, `at most ${MAX_BULK} alerts at once`)
    .transform((ids) => [...new Set(ids)]),
  action: z.enum(ALERT_ACTIONS),
});
export type AlertStatusInput = z.infer<typeof alertStatusInput>;

export interface AlertStatusResult {
  action: AlertAction;
  /** Alerts the action moved to its status. */
  changed: string[];
  /** Alerts it does not apply to (already acknowledged, say), with the status they keep. */
  unchanged: Array<{ id: string; status: AlertStatus }>;
  /** Ids of no alert. */
  missing: string[];
}

/** Who did it, and when, in the alert's own columns: the last acknowledgement and resolution. */
function assignments(action: AlertAction, actor: string | null): Prisma.Sql {
  switch (action) {
    case "acknowledge":
      return sql`acknowledged_by = ${actor}, acknowledged_at = now()`;
    case "resolve":
      return sql`resolved_by = ${actor}, resolved_at = now()`;
    case "reopen":
      // Open again, as if new; who acknowledged and resolved it before stays in the audit trail.
      return sql`acknowledged_by = NULL, acknowledged_at = NULL, resolved_by = NULL, resolved_at = NULL`;
  }
}

/**
 * Acknowledges, resolves or reopens alerts at once, as the admin in `context`. Only alerts the
 * action applies to change; the change and its entry in the dashboard's audit trail (one entry
 * per request, naming every alert it changed) commit together or not at all.
 */
export async function changeAlertStatus(input: AlertStatusInput, context: AuditContext): Promise<AlertStatusResult> {
  const rule = ACTION_RULES[input.action];
  const actor = context.actor?.toLowerCase() ?? null;
  return db().$transaction(async (tx) => {
    const changed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE alert SET status = ${rule.to}, updated_at = now(), ${assignments(input.action, actor)}
      WHERE id = ANY(${input.ids}::bigint[]) AND status = ANY(${[...rule.from]}::text[])
      RETURNING id::text AS id`;
    const changedIds = new Set(changed.map((r) => r.id));
    const rest = input.ids.filter((id) => !changedIds.has(id));
    const others = rest.length > 0 ? await tx.$queryRaw<{ id: string; status: AlertStatus }[]>`SELECT id::text AS id, status FROM alert WHERE id = ANY(${rest}::bigint[])` : [];
    const found = new Set(others.map((r) => r.id));
    const ids = input.ids.filter((id) => changedIds.has(id));
    if (ids.length > 0) {
      await recordAuditEntry(
        {
          ...context,
          action: AUDIT_ACTION_OF[input.action],
          target: ids.length === 1 ? `alert ${ids[0]}` : `${ids.length} alerts`,
          details: { alertIds: ids, status: rule.to },
        },
        tx,
      );
    }
    return { action: input.action, changed: ids, unchanged: input.ids.filter((id) => found.has(id)).map((id) => ({ id, status: others.find((r) => r.id === id)!.status })), missing: rest.filter((id) => !found.has(id)) };
  });
}
