import { isTimeZone } from "./zone";

/**
 * The browser's time zone, written by the browser (components/time/local-zone.tsx) into a
 * cookie so that the server renders "local" times in it from the second page load on: the
 * server cannot otherwise know it, and showing UTC until the page hydrates shows a wrong time.
 */
export const ZONE_COOKIE = "audit_tz";

/** The cookie's zone, or null when absent or not a zone (the cookie is the browser's to write: any text). */
export function readZoneCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(value);
  } catch {
    return null;
  }
  return isTimeZone(zone) ? zone : null;
}

/** The cookie's text for a zone: a year, the whole site, first-party only. */
export function zoneCookie(zone: string): string {
  return `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}
