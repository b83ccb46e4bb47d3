import { formatDuration } from "@/lib/format/time";
import type { WorkspaceSyncView } from "@/lib/sync/get-sync-state";

/** How much of the history window is stored, and how long the rest should take. */
export function BackfillProgress({ backfill }: { backfill: WorkspaceSyncView["backfill"] }) {
  const percent = Math.floor(backfill.progress * 1000) / 10;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between text-xs text-muted-foreground">
        <span>
          History {backfill.from ? `since ${backfill.from.slice(0, 10)}` : ""}: {percent}% of the time range stored
        </span>
        <span>{backfill.etaSeconds !== null ? `about ${formatDuration(backfill.etaSeconds)} left` : "estimating…"}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Backfill progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
