import * as React from "react";

import { cn } from "@/lib/utils";

type PageHeaderProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Right-aligned controls (export, refresh, filters); wraps under the title on narrow screens. */
  actions?: React.ReactNode;
};

/** The page's single <h1>, its one-line purpose and primary actions. */
export function PageHeader({ title, description, actions, className, children, ...props }: PageHeaderProps) {
  return (
    <div
      data-slot="page-header"
      className={cn("flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)}
      {...props}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-xl leading-7 font-semibold tracking-tight text-balance [overflow-wrap:anywhere]">{title}</h1>
        {description ? (
          <p className="max-w-prose text-sm text-pretty [overflow-wrap:anywhere] text-muted-foreground">{description}</p>
        ) : null}
        {children}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export type { PageHeaderProps };
