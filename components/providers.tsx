"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { TooltipProvider } from "@/components/ui/tooltip";
import { getQueryClient } from "@/lib/query/query-client";

/**
 * Client-side providers shared by every page (mounted once in app/layout.tsx, inside the
 * ThemeProvider): server data through TanStack Query, URL state through nuqs.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
