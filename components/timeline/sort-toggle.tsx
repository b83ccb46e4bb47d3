"use client";

import { SegmentedToggle } from "@/components/ui/segmented-toggle";
import { SORTS, type Sort } from "@/lib/events/view";

const LABELS: Record<Sort, string> = { newest: "Newest first", oldest: "Oldest first" };

export function SortToggle({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return <SegmentedToggle label="Order" values={SORTS} labels={LABELS} value={sort} onChange={onChange} className="h-8" />;
}
