"use client";

import { useEffect } from "react";
import { LocalZoneContext } from "@/lib/time/use-local-zone";
import { systemTimeZone } from "@/lib/time/zone";
import { zoneCookie } from "@/lib/time/zone-cookie";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * The viewer's own zone for everything under it. While the server renders and the page
 * hydrates, it is the zone the browser wrote into its cookie on an earlier visit (what the
 * server rendered with); after hydration, the browser's own. On a first visit there is no
 * cookie: the zone is unknown (null) until hydration, and times wait for it (EventTime shows
 * a placeholder) rather than show another zone's.
 */
export function LocalZoneProvider({ cookieZone, children }: { cookieZone: string | null; children: React.ReactNode }) {
  const hydrated = useHydrated();
  const zone = hydrated ? systemTimeZone() : cookieZone;
  useEffect(() => {
    const own = systemTimeZone();
    if (own !== cookieZone) document.cookie = zoneCookie(own);
  }, [cookieZone]);
  return <LocalZoneContext.Provider value={zone}>{children}</LocalZoneContext.Provider>;
}
