"use client";

import { useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import { openAlertCountQuery } from "@/lib/alerts/query";
import { formatCount } from "@/lib/format/time";

/**
 * The open alerts' count beside "Alerts" in the navigation, asked for every 30 seconds and
 * after every status change. Silent while it loads, when nothing is open and when it fails
 * (the inbox itself says why): a badge that flickers would teach people to ignore it.
 */
const noSubscription = () => () => {};

export function OpenAlertsBadge() {
  const { data } = useQuery(openAlertCountQuery());
  // Drawn only once hydrated: the server renders no count, and a count the browser's cache
  // already held while the navigation hydrated (heavy pages hydrate late) broke hydration.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const open = hydrated ? (data?.open ?? 0) : 0;
  if (open === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-destructive px-1.5 text-[11px] leading-[18px] font-semibold text-white tabular-nums" data-testid="open-alerts-badge" data-count={open}>
      <span aria-hidden="true">{open > 999 ? "999+" : formatCount(open)}</span>
      <span className="sr-only">, {formatCount(open)} open</span>
    </span>
  );
}
