import * as React from "react";

import { cn } from "@/lib/utils";

/** Loading placeholder. Give it an explicit size; it is hidden from assistive tech. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-foreground/8 dark:bg-foreground/10", className)}
      {...props}
    />
  );
}

export { Skeleton };
