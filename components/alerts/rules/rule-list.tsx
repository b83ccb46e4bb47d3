"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { toast } from "sonner";
import { SeverityBadge } from "@/components/alerts/inbox/badges";
import { When } from "@/components/ui/when";
import { Checkbox } from "@/components/ui/checkbox";
import { DataText } from "@/components/ui/data-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { visibleText } from "@/lib/format/visible-text";
import { describeCondition } from "@/lib/rules/describe";
import { rulesQuery, useUpdateRule } from "@/lib/rules/query";
import type { RuleView } from "@/lib/rules/view";

function EnabledSwitch({ rule }: { rule: RuleView }) {
  const update = useUpdateRule();
  return (
    <Checkbox
      checked={rule.enabled}
      disabled={update.isPending}
      aria-label={`${rule.enabled ? "Switch off" : "Switch on"} “${visibleText(rule.name, 120)}”`}
      onCheckedChange={(checked) =>
        update.mutate(
          { id: rule.id, enabled: checked === true },
          { onSuccess: (r) => toast.success(`${visibleText(r.name, 120)}: ${r.enabled ? "on" : "off"}`), onError: (e) => toast.error(e.message) },
        )
      }
    />
  );
}

/** Every rule: on or off, what it looks for, and what it raised (its open alerts lead to the inbox). */
export function RuleList() {
  const query = useQuery(rulesQuery());
  if (query.isPending) return <Skeleton className="h-96" aria-label="Loading rules" />;
  if (query.error) return <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />;
  const rules = query.data.rules;
  if (rules.length === 0) return <EmptyState bordered icon={ShieldAlert} title="No rules" description="The built-in rules appear once the sync has started; add your own with “New rule”." />;
  return (
    <Table containerClassName="rounded-lg border" aria-label="Detection rules">
      <TableHeader>
        <TableRow>
          <TableHead className="w-12">On</TableHead>
          <TableHead>Rule</TableHead>
          <TableHead>Looks for</TableHead>
          <TableHead>Severity</TableHead>
          <TableHead className="text-right">Open alerts</TableHead>
          <TableHead>Last raised</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rules.map((rule) => (
          <TableRow key={rule.id} className="align-top" data-rule={rule.id}>
            <TableCell>
              <EnabledSwitch rule={rule} />
            </TableCell>
            <TableCell className="max-w-72 whitespace-normal">
              <Link href={`/alerts/rules/${encodeURIComponent(rule.id)}`} className="font-medium [overflow-wrap:anywhere] underline-offset-2 hover:underline">
                <DataText value={rule.name} />
              </Link>
              <p className="text-xs text-muted-foreground">{rule.builtin ? "Built-in" : `Added by ${rule.createdBy ?? "an admin"}`}</p>
            </TableCell>
            <TableCell className="max-w-96 whitespace-normal">
              <code className="font-mono text-xs break-all">
                <DataText value={rule.query || "all events"} max={300} />
              </code>
              {rule.detailsMatch.length > 0 ? (
                <span className="text-xs text-muted-foreground">
                  {" "}
                  · details: <DataText value={rule.detailsMatch.map((d) => `${d.path} ${d.negate ? "not " : ""}${d.anyOf.join("/")}`).join(", ")} max={300} />
                </span>
              ) : null}
              <p className="text-xs text-muted-foreground">
                <DataText value={describeCondition(rule)} max={600} />
              </p>
            </TableCell>
            <TableCell>
              <SeverityBadge severity={rule.severity} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {rule.openAlerts > 0 ? (
                <Link href={`/alerts?rule=${encodeURIComponent(rule.id)}`} className="underline-offset-2 hover:underline">
                  {rule.openAlerts.toLocaleString("en")}
                </Link>
              ) : (
                <span className="text-muted-foreground">0</span>
              )}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              <When iso={rule.lastAlertAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
