import type { ReactNode } from "react";
import { AlertsNav } from "@/components/alerts/alerts-nav";

/** The inbox, the rules and the channels, one tab each. */
export default function AlertsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4">
      <AlertsNav />
      {children}
    </div>
  );
}
