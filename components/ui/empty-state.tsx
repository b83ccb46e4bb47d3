import * as React from "react";
import { Inbox, type LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Defaults to an inbox glyph; pass e.g. `SearchX` for "no matches". */
  icon?: LucideIcon;
  /** Buttons or links, e.g. "Clear filters". */
  action?: React.ReactNode;
  /** `compact` fits inside small chart/list panels. */
  size?: "default" | "compact";
  /** Draw a dashed frame when the state stands alone on a page. */
  bordered?: boolean;
};

/** Placeholder for a panel, table or chart that has nothing to show yet. */
function EmptyState({
  title,
  description,
  icon: Icon = Inbox,
  action,
  size = "default",
  bordered = false,
  className,
  ...props
}: EmptyStateProps) {
  const compact = size === "compact";
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center text-center",
        compact ? "gap-2 px-4 py-6" : "gap-3 px-6 py-12",
        bordered && "rounded-lg border border-dashed",
        className,
      )}
      {...props}
    >
      <div
        aria-hidden="true"
        className={cn(
          "flex items-center justify-center rounded-lg border bg-muted/60 text-muted-foreground",
          compact ? "size-8" : "size-10",
        )}
      >
        <Icon className={compact ? "size-4" : "size-5"} />
      </div>
      <div className="flex max-w-sm flex-col gap-1">
        <p className="text-sm font-medium text-foreground">{title}</p>
        {description ? (
          <p className="text-[13px] leading-5 text-muted-foreground">{description}</p>
        ) : null}
      </div>
      {action ? <div className="mt-1 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
