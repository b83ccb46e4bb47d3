import { parseStoredInstant } from "@/lib/db/instant";
import { isTimeZone, UTC } from "@/lib/time/zone";

/**
 * How the explorer shows a filtered set, beside the filter itself: columns, order, page size,
 * time zone, the page reached, auto-refresh and the event opened. All of it is URL state.
 * The allowed values are declared once here and feed the parsers, the menus and the types.
 */
export const EVENT_COLUMNS = ["time", "event", "actor", "resource", "context", "country", "network", "details", "gid", "userAgent", "workspace"] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly EventColumn[] = ["time", "event", "actor", "resource", "context", "details"];
/** The time column anchors every row and the keyset: it cannot be hidden. */
export const REQUIRED_COLUMNS: readonly EventColumn[] = ["time"];

export const COLUMN_LABELS: Record<EventColumn, string> = {
  time: "Time",
  event: "Event",
  actor: "Actor",
  resource: "Resource",
  context: "Context",
  country: "Country",
  network: "Network",
  details: "Details",
  gid: "Event gid",
  userAgent: "User agent",
  workspace: "Workspace",
};

export const SORTS = ["newest", "oldest"] as const;
export type Sort = (typeof SORTS)[number];

export const PAGE_SIZES = [50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/**
 * The zone times are shown and calendar ranges (today, this week) are counted in: "local" is
 * the browser's own zone, "utc" UTC, and any IANA name ("Europe/Berlin") that zone.
 */
export const TIME_ZONES = ["local", "utc"] as const;
export type TimeZoneChoice = (typeof TIME_ZONES)[number] | (string & {});

/** A `tz` value from a URL, checked: "local", "utc" or a zone Intl knows. */
export function parseZoneChoice(value: string): TimeZoneChoice | { error: string } {
  if ((TIME_ZONES as readonly string[]).includes(value)) return value;
  if (value !== "UTC" && isTimeZone(value)) return value;
  return { error: `"${value.slice(0, 60)}" is not allowed for "tz": use local, utc or a time zone name such as Europe/Berlin` };
}

/** The IANA zone a choice means, given the browser's zone for "local" (UTC when unknown). */
export function concreteZone(choice: TimeZoneChoice, localZone: string | null | undefined): string {
  if (choice === "utc") return UTC;
  if (choice === "local") return localZone ?? UTC;
  return choice;
}

export const REFRESH_INTERVALS = ["off", "10s", "30s", "1m", "5m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const REFRESH_MS: Record<RefreshInterval, number | false> = { off: false, "10s": 10_000, "30s": 30_000, "1m": 60_000, "5m": 300_000 };

/** A position in the keyset order: the (created_at, gid) of a row. */
export interface Cursor {
  at: string;
  gid: string;
}

export interface EventView {
  columns: EventColumn[];
  sort: Sort;
  size: PageSize;
  tz: TimeZoneChoice;
  /** Rows after this one (the next page), or before it (the previous page). */
  page: { after: Cursor } | { before: Cursor } | null;
  refresh: RefreshInterval;
  /** The gid of the event whose detail is open. */
  event: string | null;
}

export const DEFAULT_VIEW: EventView = {
  columns: [...DEFAULT_COLUMNS],
  sort: "newest",
  size: 50,
  tz: "local",
  page: null,
  refresh: "off",
  event: null,
};

/**
 * A cursor in the URL reads as `2026-11-20T10:00:00.123Z~1204567`: the row's time and gid,
 * so that a shared link of page 7 says which page it is.
 */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.at}~${cursor.gid}`;
}

export function decodeCursor(text: string): Cursor | { error: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) {
    return { error: `"${text.slice(0, 80)}" is not a page position (it looks like 2026-11-20T10:00:00.123Z~1204567); go back to the first page` };
  }
  const at = parseStoredInstant(match[1]!);
  if (!at) return { error: `"${match[1]}" is not a real time between the years 0001 and 9999; go back to the first page` };
  return { at: at.toISOString(), gid: match[2]! };
}
