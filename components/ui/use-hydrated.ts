"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** False during server rendering and hydration, true after: what only the browser knows (its time zone, its origin) waits for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
