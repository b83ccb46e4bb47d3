import { AppShell } from "@/components/shell/app-shell";

/**
 * Signed-in area. Client-side data providers live in components/providers.tsx
 * (mounted by the root layout). When auth lands, read the session here and pass
 * `user` and `signOutSlot` to the shell.
 */
export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
