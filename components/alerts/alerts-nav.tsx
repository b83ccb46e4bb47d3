"use client";

import { usePathname } from "next/navigation";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";

const SECTIONS = [
  { href: "/alerts", label: "Inbox" },
  { href: "/alerts/rules", label: "Rules" },
  { href: "/alerts/channels", label: "Channels" },
] as const;

/** The Alerts section's three pages: what was raised, what raises it, where it is sent. */
export function AlertsNav() {
  const pathname = usePathname();
  const current = (href: string) => (href === "/alerts" ? pathname === "/alerts" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Alerts" className="flex gap-1 border-b">
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={current(s.href) ? "page" : undefined}
          className={cn("-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm text-muted-foreground hover:text-foreground", current(s.href) && "border-primary font-medium text-foreground")}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
