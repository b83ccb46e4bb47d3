"use client";

import { createPortal } from "react-dom";
import { useHydrated } from "@/components/ui/use-hydrated";
import { PAGE_SKIP_LINKS_ID } from "./skip-links";

/**
 * A skip link of the page's own, placed first in the Tab order (before the shell's "Skip to
 * content"): on the explorer, about a hundred buttons of filters and counts come before the rows.
 * It moves focus itself (no #fragment in the URL, no history entry).
 */
export function PageSkipLink({ label, onSkip }: { label: string; onSkip: () => void }) {
  const hydrated = useHydrated();
  const slot = hydrated ? document.getElementById(PAGE_SKIP_LINKS_ID) : null;
  if (!slot) return null;
  return createPortal(
    <a
      href="#main-content"
      onClick={(event) => {
        event.preventDefault();
        onSkip();
      }}
      className="sr-only rounded-md bg-primary text-sm font-medium text-primary-foreground shadow-md focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:px-3 focus:py-2"
    >
      {label}
    </a>,
    slot,
  );
}
