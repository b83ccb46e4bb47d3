"use client";

import { ErrorState } from "@/components/ui/error-state";

/** Anything the explorer did not expect: the message, and a way to try again. Input errors never land here. */
export default function EventsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      bordered
      title="The event explorer failed"
      description={`Something went wrong on our side; it was logged${error.digest ? ` (reference ${error.digest})` : ""}. Your audit data is unchanged.`}
      onRetry={reset}
    />
  );
}
