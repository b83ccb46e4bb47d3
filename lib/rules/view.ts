import type { DetailsCondition, Rule, RuleCondition } from "@/lib/detections/rule";

/** A rule as the pages and the API show it, with what it raised. */
export type RuleView = RuleCondition & {
  id: string;
  builtin: boolean;
  name: string;
  description: string;
  helpUrl: string | null;
  runbook: string;
  query: string;
  detailsMatch: DetailsCondition[];
  savedQueryId: string | null;
  severity: Rule["severity"];
  dedupSeconds: number;
  enabled: boolean;
  version: number;
  createdBy: string | null;
  updatedAt: string;
  openAlerts: number;
  lastAlertAt: string | null;
};
