import { Link } from "@/components/ui/link";

import { cn } from "@/lib/utils";

/** Product logo + name; links home. */
export function ProductMark({ className }: { className?: string }) {
  return (
    <Link
      href="/"
      className={cn(
        "flex min-w-0 items-center gap-2.5 rounded-md px-1 py-1 text-sidebar-accent-foreground",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="grid size-7 shrink-0 place-items-center rounded-md bg-primary text-primary-foreground shadow-xs"
      >
        {/* Stacked log lines with a checkpoint: an audit trail at a glance. */}
        <svg viewBox="0 0 16 16" className="size-4" fill="none">
          <path
            d="M3 4.5h7M3 8h10M3 11.5h5"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
          <circle cx="12.25" cy="11.5" r="1.5" fill="currentColor" />
        </svg>
      </span>
      <span className="flex min-w-0 flex-col leading-none">
        <span className="truncate text-sm font-semibold tracking-tight">Audit Dashboard</span>
        <span className="mt-1 truncate text-[11px] text-muted-foreground">Asana Enterprise</span>
      </span>
    </Link>
  );
}
