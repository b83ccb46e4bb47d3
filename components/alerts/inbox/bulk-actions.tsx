"use client";

import { Check, CheckCheck, RotateCcw, X } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useChangeAlertStatus } from "@/lib/alerts/query";
import { formatCount } from "@/lib/format/time";
import type { AlertStatusResult } from "@/lib/alerts/status";
import { ACTION_RULES, ALERT_ACTIONS, MAX_BULK, STATUS_LABELS, type AlertAction, type AlertStatus } from "@/lib/alerts/vocabulary";

const ICONS = { acknowledge: Check, resolve: CheckCheck, reopen: RotateCcw } as const;

/** "Acknowledged 3 alerts; 1 was already resolved." */
function resultText(result: AlertStatusResult): string {
  const rule = ACTION_RULES[result.action];
  const n = result.changed.length;
  const parts = [n > 0 ? `${rule.done} ${n === 1 ? "1 alert" : `${n} alerts`}` : `No alert ${rule.done.toLowerCase()}`];
  const byStatus = new Map<AlertStatus, number>();
  for (const u of result.unchanged) byStatus.set(u.status, (byStatus.get(u.status) ?? 0) + 1);
  for (const [status, count] of byStatus) parts.push(`${count} ${count === 1 ? "was" : "were"} already ${STATUS_LABELS[status].toLowerCase()}`);
  if (result.missing.length > 0) parts.push(`${result.missing.length} no longer ${result.missing.length === 1 ? "exists" : "exist"}`);
  return parts.join("; ");
}

/**
 * Changes alerts' status and says what happened in a toast; `onDone` runs once it succeeded.
 * Through mutateAsync's promise, not mutate's callbacks: those are dropped once the calling
 * component unmounts, and the bulk bar unmounts as soon as the refreshed list no longer holds
 * the rows it resolved, before the answer's callbacks would run (no toast, seen in CI).
 */
export function useStatusAction(onDone?: () => void) {
  const mutation = useChangeAlertStatus();
  const run = (ids: string[], action: AlertAction) =>
    mutation.mutateAsync({ ids, action }).then(
      (result) => {
        toast.success(resultText(result));
        onDone?.();
      },
      (error: Error) => {
        toast.error(`Could not ${action} ${ids.length === 1 ? "the alert" : "the alerts"}: ${error.message}`);
      },
    );
  return { run, pending: mutation.isPending };
}

/** The actions that apply to alerts in these statuses, in a fixed order. */
export const actionsFor = (statuses: Iterable<AlertStatus>) => {
  const present = new Set(statuses);
  return ALERT_ACTIONS.filter((action) => ACTION_RULES[action].from.some((s) => present.has(s)));
};

export function ActionButton({ action, onClick, disabled, size = "sm" }: { action: AlertAction; onClick: () => void; disabled?: boolean; size?: "sm" | "xs" }) {
  const Icon = ICONS[action];
  return (
    <Button variant={action === "reopen" ? "outline" : "default"} size={size} onClick={onClick} disabled={disabled}>
      <Icon />
      {ACTION_RULES[action].label}
    </Button>
  );
}

/** What to do with the selected alerts: shown while some are selected. */
export function BulkActions({ ids, statuses, onClear }: { ids: string[]; statuses: AlertStatus[]; onClear: () => void }) {
  const { run, pending } = useStatusAction(onClear);
  return (
    <div role="toolbar" aria-label="Selected alerts" className="flex flex-wrap items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2" data-testid="bulk-actions">
      <span className="text-sm font-medium">{ids.length === 1 ? "1 alert selected" : `${ids.length} alerts selected`}</span>
      {actionsFor(statuses).map((action) => (
        <ActionButton key={action} action={action} disabled={pending || ids.length > MAX_BULK} onClick={() => void run(ids, action)} />
      ))}
      {ids.length > MAX_BULK ? <span className="text-sm text-muted-foreground">At most {formatCount(MAX_BULK)} at once: select fewer.</span> : null}
      <Button variant="ghost" size="sm" onClick={onClear}>
        <X />
        Clear selection
      </Button>
    </div>
  );
}
