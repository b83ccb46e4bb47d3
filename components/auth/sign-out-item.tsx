"use client";

import { LogOut } from "lucide-react";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { signOut } from "@/lib/auth/client";

/** The account menu's last entry (AppShell's `signOutSlot`). */
export function SignOutItem() {
  return (
    <DropdownMenuItem onSelect={() => void signOut()} data-testid="sign-out">
      <LogOut />
      Sign out
    </DropdownMenuItem>
  );
}
