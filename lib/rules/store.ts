import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { ruleFromRow, ruleInput, type RuleInput } from "@/lib/detections/rule";
import { compileFilter } from "@/lib/detections/rule-sql";
import { conflictError, invalidError, notFoundError } from "@/lib/errors";
import type { DetectionRule } from "@/lib/generated/prisma/client";
import type { RuleView } from "./view";

/** Custom rules' ids: "r_" and 10 characters, as short links to them stay readable. */
export const RULE_ID = /^(?:r_[A-Za-z0-9_-]{10}|builtin\.[a-z0-9-]{1,60})$/;
const newRuleId = () => `r_${randomBytes(8).toString("base64url").slice(0, 10)}`;

const gone = () => notFoundError("That rule does not exist (it may have been deleted).");

/** Every query-bar text of a rule parses, or the rule is refused with the parser's words. */
function checkFilters(input: RuleInput): void {
  const texts: Array<[string, string]> = [["query", input.query]];
  if (input.condition === "threshold" && input.settings.then) texts.push(["settings.then", input.settings.then]);
  if (input.condition === "after") texts.push(["settings.marker", input.settings.marker], ...(input.settings.cancel ? ([["settings.cancel", input.settings.cancel]] as Array<[string, string]>) : []));
  const issues = texts.flatMap(([field, text]) => {
    const compiled = compileFilter(text, [], new Date());
    return compiled.ok ? [] : [{ field, message: compiled.error }];
  });
  if (issues.length > 0) throw invalidError(issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

export function toView(row: DetectionRule, alerts: { open: number; lastAt: Date | null } = { open: 0, lastAt: null }): RuleView | null {
  const rule = ruleFromRow(row);
  if (!rule) return null;
  return {
    ...rule,
    builtin: row.builtin,
    description: row.description,
    helpUrl: row.helpUrl,
    runbook: row.runbook,
    savedQueryId: row.savedQueryId,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    openAlerts: alerts.open,
    lastAlertAt: alerts.lastAt?.toISOString() ?? null,
  };
}

/** Every rule, built-in first, with its open alerts and when it last raised one. */
export async function listRules(): Promise<RuleView[]> {
  const [rows, stats] = await Promise.all([
    db().detectionRule.findMany({ orderBy: [{ builtin: "desc" }, { name: "asc" }] }),
    db().$queryRaw<Array<{ rule_id: string; open: number; last_at: Date | null }>>`
      SELECT rule_id, count(*) FILTER (WHERE status = 'open')::int AS open, max(last_at) AS last_at FROM alert GROUP BY rule_id`,
  ]);
  const byRule = new Map(stats.map((s) => [s.rule_id, { open: s.open, lastAt: s.last_at }]));
  return rows.map((r) => toView(r, byRule.get(r.id))).filter((v): v is RuleView => v !== null);
}

export async function getRule(id: string): Promise<RuleView | null> {
  const row = await db().detectionRule.findUnique({ where: { id } });
  if (!row) return null;
  const [stats] = await db().$queryRaw<Array<{ open: number; last_at: Date | null }>>`
    SELECT count(*) FILTER (WHERE status = 'open')::int AS open, max(last_at) AS last_at FROM alert WHERE rule_id = ${id}`;
  return toView(row, { open: stats?.open ?? 0, lastAt: stats?.last_at ?? null });
}

/** The fields an admin sets: a misspelt one ("enabeld") is refused rather than silently ignored. */
const RULE_FIELDS: ReadonlyArray<string> = ["name", "description", "runbook", "helpUrl", "query", "detailsMatch", "savedQueryId", "severity", "dedupSeconds", "enabled", "condition", "settings"] satisfies ReadonlyArray<keyof RuleInput>;

function checkFields(raw: unknown, { partial }: { partial: boolean }): void {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return;
  const keys = Object.keys(raw);
  const issues = keys.filter((k) => !RULE_FIELDS.includes(k)).map((field) => ({ field, message: "not a field of a rule" }));
  if (partial && keys.length === 0) issues.push({ field: "(input)", message: "nothing to change" });
  if (issues.length > 0) throw invalidError(issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

const columns = (input: RuleInput) => ({
  name: input.name,
  description: input.description,
  runbook: input.runbook,
  helpUrl: input.helpUrl,
  query: input.query,
  detailsMatch: input.detailsMatch,
  savedQueryId: input.savedQueryId,
  condition: input.condition,
  settings: input.settings,
  severity: input.severity,
  dedupSeconds: input.dedupSeconds,
  enabled: input.enabled,
});

/** The rule, or a refusal listing every problem with it (a 400 through the route wrapper). */
function parseRule(raw: unknown): RuleInput {
  const parsed = ruleInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(input)", message: i.message }));
  throw invalidError(issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

export async function createRule(raw: unknown, by: AuditContext & { actor: string }): Promise<RuleView> {
  checkFields(raw, { partial: false });
  const input = parseRule(raw);
  checkFilters(input);
  return db().$transaction(async (tx) => {
    const row = await tx.detectionRule.create({ data: { id: newRuleId(), ...columns(input), createdBy: by.actor } });
    await recordAuditEntry({ ...by, action: "rule.create", target: row.id, details: { name: row.name, query: row.query, condition: row.condition, settings: input.settings } }, tx);
    return toView(row)!;
  });
}

/**
 * Changes a rule (a built-in one too: switched off or tuned, it stays so across upgrades).
 * The fields given replace the rule's; the result must be a valid rule. Each change bumps its
 * version, which new alerts carry.
 */
export async function updateRule(id: string, patch: Record<string, unknown>, by: AuditContext): Promise<RuleView> {
  checkFields(patch, { partial: true });
  return db().$transaction(async (tx) => {
    const row = await tx.detectionRule.findUnique({ where: { id } });
    if (!row) throw gone();
    const current = toView(row);
    const merged = parseRule({ ...(current ? Object.fromEntries(RULE_FIELDS.map((k) => [k, current[k as keyof RuleView]])) : {}), ...patch });
    checkFilters(merged);
    const updated = await tx.detectionRule.update({ where: { id }, data: { ...columns(merged), version: { increment: 1 } } });
    const changed = Object.keys(patch).filter((k) => JSON.stringify((current as Record<string, unknown> | null)?.[k]) !== JSON.stringify(patch[k]));
    await recordAuditEntry(
      { ...by, action: "rule.update", target: id, details: { name: updated.name, changed, before: Object.fromEntries(changed.map((k) => [k, (current as Record<string, unknown> | null)?.[k] ?? null])) } },
      tx,
    );
    return toView(updated)!;
  });
}

/** Deletes a custom rule that never raised an alert; one that did is switched off instead (its alerts keep their rule). */
export async function deleteRule(id: string, by: AuditContext): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const row = await tx.detectionRule.findUnique({ where: { id } });
    if (!row) throw gone();
    if (row.builtin) throw conflictError("A built-in rule cannot be deleted; switch it off instead.");
    if ((await tx.alert.count({ where: { ruleId: id } })) > 0) throw conflictError("This rule has raised alerts, which keep it: switch it off instead.");
    await tx.detectionRule.delete({ where: { id } });
    await recordAuditEntry({ ...by, action: "rule.delete", target: id, details: { name: row.name, query: row.query } }, tx);
    return { id };
  });
}
