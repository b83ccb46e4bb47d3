"use client";

import { createContext, useContext } from "react";
import { concreteZone, type TimeZoneChoice } from "@/lib/events/view";

/** The browser's zone as the page knows it (components/shell/local-zone.tsx provides it); null while unknown. */
export const LocalZoneContext = createContext<string | null>(null);

/** The browser's zone, or null while it is not known yet (first visit, before hydration). */
export function useLocalZone(): string | null {
  return useContext(LocalZoneContext);
}

/** The IANA zone of a `tz` choice, or null while "local" is not known yet. */
export function useZone(choice: TimeZoneChoice): string | null {
  const local = useLocalZone();
  if (choice === "local" && local === null) return null;
  return concreteZone(choice, local);
}
