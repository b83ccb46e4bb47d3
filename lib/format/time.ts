import { formatDistanceStrict } from "date-fns";

/** "3 minutes ago" style, against `now` (passed in so that server and client agree). */
export function ago(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return "never";
  return formatDistanceStrict(new Date(iso), now, { addSuffix: true });
}

/** 2026-11-27 09:41:07 UTC: an instant that reads the same for every admin who shares it. */
export function utcStamp(iso: string | null | undefined): string {
  if (!iso) return "—";
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  return `${hours} h ${Math.round((seconds - hours * 3600) / 60)} min`;
}

export const formatCount = (n: number) => new Intl.NumberFormat("en-US").format(n);
