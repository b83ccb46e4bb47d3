"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { ago, utcStamp } from "@/lib/format/time";

/** "3 minutes ago" once hydrated; the UTC time before, so server and browser render the same text. */
export function When({ iso }: { iso: string | null }) {
  const hydrated = useHydrated();
  if (!iso) return <span className="text-muted-foreground">never</span>;
  return (
    <time dateTime={iso} title={utcStamp(iso)}>
      {hydrated ? ago(iso) : utcStamp(iso)}
    </time>
  );
}
