import type { RuleInput } from "../rule";

/** A built-in rule: its id is fixed, so that an admin's tuning finds it again after an upgrade. */
export type BuiltinRule = RuleInput & { id: `builtin.${string}` };

export const AUDIT_LOG_HELP = "https://developers.asana.com/docs/audit-log-events";
export const ADMIN_CONSOLE_HELP = "https://help.asana.com/s/article/admin-console";
export const HOUR = 3_600;
export const DAY = 86_400;

export const base: Pick<RuleInput, "description" | "runbook" | "helpUrl" | "detailsMatch" | "savedQueryId" | "enabled" | "dedupSeconds"> = {
  description: "",
  runbook: "",
  helpUrl: AUDIT_LOG_HELP,
  detailsMatch: [],
  savedQueryId: null,
  enabled: true,
  dedupSeconds: HOUR,
};
