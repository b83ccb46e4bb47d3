import { db } from "@/lib/db/client";
import { BUILTIN_RULES } from "./builtin-rules";

/**
 * Creates the built-in rules an installation does not have yet (at start, and before a test
 * judges anything). A rule already there is left as the admins tuned it, switched off
 * included; a built-in rule dropped from the catalogue stays with its alerts.
 */
export async function ensureBuiltinRules(): Promise<number> {
  const { count } = await db().detectionRule.createMany({
    data: BUILTIN_RULES.map(({ id, name, description, runbook, helpUrl, query, detailsMatch, savedQueryId, severity, dedupSeconds, enabled, condition, settings }) => ({
      id,
      builtin: true,
      name,
      description,
      runbook,
      helpUrl,
      query,
      detailsMatch,
      savedQueryId,
      severity,
      dedupSeconds,
      enabled,
      condition,
      settings,
    })),
    skipDuplicates: true,
  });
  return count;
}
