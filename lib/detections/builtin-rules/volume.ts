import { base, type BuiltinRule } from "./base";

/** One actor deleting or carrying off a lot in a short time. */
export const VOLUME_RULES: readonly BuiltinRule[] = [
  {
    ...base,
    id: "builtin.mass-deletion",
    name: "Mass deletion",
    severity: "high",
    query: "category:deletion -type:*_undeleted",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 50, windowSeconds: 600 },
    description: "One actor deleted at least 50 items within 10 minutes.",
    runbook: "Contact the actor; restore from the trash what should not have gone (deleted items stay restorable for a while).",
  },
  {
    ...base,
    id: "builtin.mass-export",
    name: "Mass download or export",
    severity: "high",
    query: "category:content_export",
    condition: "threshold",
    settings: { groupBy: "actor", threshold: 100, windowSeconds: 600 },
    description: "One actor downloaded or exported at least 100 items within 10 minutes: possible data exfiltration.",
    runbook: "Check whether the person is leaving or the exports serve a known project; suspend the account if in doubt.",
  },
];
