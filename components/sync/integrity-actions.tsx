"use client";

import { Download, ListChecks, ShieldCheck } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useReconcileNow, useVerifyArchive } from "@/components/sync/query";

/** "Reconcile now" and "Verify archive", each saying what came of it. */
export function IntegrityActions() {
  const reconcile = useReconcileNow();
  const verify = useVerifyArchive();
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={reconcile.isPending}
        onClick={() =>
          reconcile.mutate(undefined, {
            onSuccess: (answer) => (answer.status === "already_running" ? toast.info("Reconciliation is already running.") : toast.success("Reconciliation started: every day Asana holds is re-read.")),
            onError: (error) => toast.error(error.message),
          })
        }
      >
        <ListChecks />
        Reconcile now
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={verify.isPending}
        onClick={() =>
          verify.mutate(undefined, {
            onSuccess: (report) => {
              const problems = report.altered.length + report.brokenChain.length;
              if (problems === 0) toast.success(`All ${report.days} sealed day(s) are as sealed (${report.events} events checked).`);
              else toast.error(`${report.altered.length} day(s) altered since sealed${report.brokenChain.length ? `, ${report.brokenChain.length} broken chain link(s)` : ""}: ${report.altered.map((a) => a.day).join(", ")}`);
            },
            onError: (error) => toast.error(error.message),
          })
        }
      >
        <ShieldCheck />
        {verify.isPending ? "Verifying…" : "Verify archive"}
      </Button>
      <Button variant="outline" size="sm" asChild>
        {/* A download, not a page: every sealed day with its manifest (README, "Checking an audit export"). */}
        <a href="/api/sync/audit-export" download>
          <Download />
          Export sealed days
        </a>
      </Button>
    </div>
  );
}
