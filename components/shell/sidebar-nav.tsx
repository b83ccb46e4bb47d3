"use client";

import { Link } from "@/components/ui/link";
import { usePathname, useSearchParams } from "next/navigation";

import { OpenAlertsBadge } from "@/components/alerts/inbox/open-alerts-badge";
import { cn } from "@/lib/utils";

import { findActiveNavItem, isNavItemActive, navHref, navItems } from "./nav-items";

/** Vertical list of primary routes; used by the desktop sidebar and the mobile sheet. */
export function SidebarNav({
  onNavigate,
  className,
}: {
  /** Called after a link is activated, so the mobile sheet can close itself. */
  onNavigate?: () => void;
  className?: string;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();

  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex flex-col gap-0.5">
        {navItems.map(({ href, label, icon: Icon }) => {
          const active = isNavItemActive(pathname, href);
          return (
            <li key={href}>
              <Link
                href={navHref(href, new URLSearchParams(searchParams.toString()))}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "group relative flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors",
                  active
                    ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground"
                    : "text-sidebar-foreground hover:bg-sidebar-accent/70 hover:text-sidebar-accent-foreground",
                )}
              >
                {active ? (
                  <span
                    aria-hidden="true"
                    className="absolute inset-y-1.5 -left-3 w-0.5 rounded-full bg-primary"
                  />
                ) : null}
                <Icon
                  aria-hidden="true"
                  className={cn(
                    "size-4 shrink-0",
                    active ? "text-primary" : "text-muted-foreground group-hover:text-foreground",
                  )}
                />
                <span className="truncate">{label}</span>
                {href === "/alerts" ? <OpenAlertsBadge /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Label of the section the current URL belongs to, for the top bar. */
export function CurrentSection() {
  const pathname = usePathname();
  const item = findActiveNavItem(pathname);
  if (!item) return null;
  const Icon = item.icon;
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm font-medium">
      <Icon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <span className="truncate">{item.label}</span>
    </span>
  );
}
