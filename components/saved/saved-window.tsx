import { timeRangeLabel } from "@/components/filters/condition-label";
import { Badge } from "@/components/ui/badge";
import type { SavedWindow } from "@/lib/saved-queries/window";

/**
 * A saved query's time window in words: rolling or frozen, said first, then the instants it
 * shows when opened now, in the zone it is read in. A rolling link's preview says plainly
 * that it shows other events later.
 */
export function SavedWindowNote({ window: w }: { window: SavedWindow }) {
  const now = timeRangeLabel({ kind: "absolute", from: w.from, to: w.to }, w.zone);
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground" data-testid="saved-window" data-mode={w.mode}>
      <Badge variant={w.mode === "absolute" ? "outline" : "primary"}>{w.mode === "absolute" ? "Frozen" : "Rolling"}</Badge>
      {w.mode === "absolute" ? (
        <span>{now}: always the same events</span>
      ) : (
        <span>
          {timeRangeLabel(w.range)}, moves with time: opened now, {now}
        </span>
      )}
    </span>
  );
}
