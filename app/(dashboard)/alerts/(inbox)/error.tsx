"use client";

import { ErrorState } from "@/components/ui/error-state";

/** Anything the inbox did not expect: the message, and a way to try again. Input errors never land here. */
export default function AlertsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      bordered
      title="The alerts inbox failed"
      description={`Something went wrong on our side; it was logged${error.digest ? ` (reference ${error.digest})` : ""}. No alert was changed.`}
      onRetry={reset}
    />
  );
}
