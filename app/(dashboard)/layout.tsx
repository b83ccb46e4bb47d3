import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutItem } from "@/components/auth/sign-out-item";
import { AppShell } from "@/components/shell/app-shell";
import { SyncWarnings } from "@/components/shell/sync-warnings";
import { REQUEST_PATH_HEADER } from "@/lib/auth/guard";
import { currentAdmin } from "@/lib/auth/session";
import { requestLocalZone } from "@/lib/time/request-zone";
import { LocalZoneProvider } from "@/components/shell/local-zone";

/**
 * Signed-in area. proxy.ts refuses anonymous requests before they get here; this check is
 * the authoritative one for full page loads and gives the shell its user. Client-side data
 * providers live in components/providers.tsx (mounted by the root layout).
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const admin = await currentAdmin();
  if (!admin) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return (
    <LocalZoneProvider cookieZone={await requestLocalZone()}>
      <AppShell user={{ email: admin.email, name: admin.name ?? undefined }} signOutSlot={<SignOutItem />} banner={<SyncWarnings />}>
        {children}
      </AppShell>
    </LocalZoneProvider>
  );
}
