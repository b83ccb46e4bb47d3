import {
  Bookmark,
  History,
  LayoutDashboard,
  RefreshCw,
  ScrollText,
  Siren,
  Users,
  type LucideIcon,
} from "lucide-react";

/** Primary navigation, in display order. Add a route here and it appears in the shell. */
export const navItems = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/events", label: "Events", icon: ScrollText },
  { href: "/alerts", label: "Alerts", icon: Siren },
  { href: "/actors", label: "Actors", icon: Users },
  { href: "/sync", label: "Sync", icon: RefreshCw },
  { href: "/saved", label: "Saved queries", icon: Bookmark },
  { href: "/audit", label: "Audit trail", icon: History },
] as const satisfies ReadonlyArray<{ href: string; label: string; icon: LucideIcon }>;

export type NavItem = (typeof navItems)[number];

/** `/events/abc` keeps "Events" active; "/" only matches itself. */
export function isNavItemActive(pathname: string | null, href: string): boolean {
  if (!pathname) return false;
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function findActiveNavItem(pathname: string | null): NavItem | undefined {
  return navItems.find((item) => isNavItemActive(pathname, item.href));
}

/** Views that take the explorer's filter keep its time range; every view keeps the zone. */
const FILTER_VIEWS = new Set<string>(["/", "/events"]);
const TIME_KEYS = ["range", "from", "to"] as const;

/**
 * A side-menu link from the current URL: the time range and the zone the reader chose go
 * along (Overview → Events shows the same week in the same zone); nothing else does.
 */
export function navHref(href: string, current: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of [...(FILTER_VIEWS.has(href) ? TIME_KEYS : []), "tz"]) {
    const value = current.get(key);
    if (value !== null) kept.set(key, value);
  }
  const search = kept.toString();
  return search ? `${href}?${search}` : href;
}
