import * as React from "react";
import { CircleAlert, RotateCw } from "lucide-react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type ErrorStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  title?: React.ReactNode;
  description?: React.ReactNode;
  /** A thrown value; its message is shown as technical detail under the description. */
  error?: unknown;
  /** Shows a retry button (only usable from client components). */
  onRetry?: () => void;
  retryLabel?: string;
  /** Extra actions next to retry, e.g. a link to the sync page. */
  action?: React.ReactNode;
  size?: "default" | "compact";
  bordered?: boolean;
};

function errorMessage(error: unknown): string | null {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  return null;
}

/** Failure placeholder for a panel whose data could not be loaded. */
function ErrorState({
  title = "Couldn't load this data",
  description = "The request failed. Your audit data is unchanged; try again in a moment.",
  error,
  onRetry,
  retryLabel = "Try again",
  action,
  size = "default",
  bordered = false,
  className,
  ...props
}: ErrorStateProps) {
  const compact = size === "compact";
  const detail = errorMessage(error);
  return (
    <div
      data-slot="error-state"
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center text-center",
        compact ? "gap-2 px-4 py-6" : "gap-3 px-6 py-12",
        bordered && "rounded-lg border border-dashed border-destructive/40",
        className,
      )}
      {...props}
    >
      <div
        aria-hidden="true"
        className={cn(
          "flex items-center justify-center rounded-lg border border-destructive/25 bg-destructive/10 text-destructive",
          compact ? "size-8" : "size-10",
        )}
      >
        <CircleAlert className={compact ? "size-4" : "size-5"} />
      </div>
      <div className="flex max-w-md flex-col gap-1">
        <p className="text-sm font-medium text-foreground">{title}</p>
        {description ? (
          <p className="text-[13px] leading-5 text-muted-foreground">{description}</p>
        ) : null}
        {detail ? (
          <code className="mt-1 rounded-md bg-muted px-2 py-1 text-xs break-all text-muted-foreground">
            {detail}
          </code>
        ) : null}
      </div>
      {onRetry || action ? (
        <div className="mt-1 flex flex-wrap justify-center gap-2">
          {onRetry ? (
            <Button variant="outline" size="sm" onClick={onRetry}>
              <RotateCw />
              {retryLabel}
            </Button>
          ) : null}
          {action}
        </div>
      ) : null}
    </div>
  );
}

export { ErrorState, type ErrorStateProps };
