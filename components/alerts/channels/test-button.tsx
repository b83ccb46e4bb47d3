"use client";

import { CircleCheck, CircleX, Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { visibleText } from "@/lib/format/visible-text";
import { useSendTest } from "./query";

/** "Send test" for one channel, with the outcome beside it (announced to screen readers). */
export function TestButton({ channelId, channelName }: { channelId: string; channelName: string }) {
  const test = useSendTest();
  const outcome = test.data;
  return (
    <div className="flex min-w-40 flex-col items-start gap-1">
      <Button variant="outline" size="xs" disabled={test.isPending} onClick={() => test.mutate(channelId)} aria-label={`Send a test through ${visibleText(channelName, 120)}`}>
        <Send />
        {test.isPending ? "Sending…" : "Send test"}
      </Button>
      <p role="status" aria-live="polite" className="text-xs" data-testid="test-outcome">
        {test.isError ? (
          <span className="text-destructive">{test.error.message}</span>
        ) : outcome?.ok ? (
          <span className="inline-flex items-center gap-1 text-success">
            <CircleCheck className="size-3.5" aria-hidden="true" />
            Test sent{outcome.status ? ` (${outcome.status})` : ""}
          </span>
        ) : outcome ? (
          <span className="inline-flex items-start gap-1 [overflow-wrap:anywhere] text-destructive">
            <CircleX className="mt-px size-3.5 shrink-0" aria-hidden="true" />
            Test failed: {outcome.error}
          </span>
        ) : null}
      </p>
    </div>
  );
}
