"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { Link } from "@/components/ui/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { warningsQuery } from "@/components/sync/query";

/**
 * On every signed-in page: what an admin must hear about before it is too late (the sync
 * failing, polling standing still, days about to leave Asana unverified, altered days).
 * Silent while all is well, and while it loads: a banner that flashes would teach people to
 * ignore it.
 */
export function SyncWarnings() {
  const { data } = useQuery(warningsQuery());
  const warnings = data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const critical = warnings.some((w) => w.severity === "critical");
  return (
    <Alert variant={critical ? "destructive" : "warning"} data-testid="sync-warnings">
      <TriangleAlert />
      <AlertTitle>{warnings.length === 1 ? "The archive needs attention" : `The archive needs attention (${warnings.length})`}</AlertTitle>
      <AlertDescription>
        <ul className="flex flex-col gap-1">
          {warnings.map((w) => (
            <li key={`${w.code}:${w.message}`} data-code={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
        <Link href="/sync" className="font-medium underline underline-offset-2">
          Open the Sync page
        </Link>
      </AlertDescription>
    </Alert>
  );
}
