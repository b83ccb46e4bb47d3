"use client";

import * as React from "react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type ShellUser = { name?: string; email: string };

function initials(user: ShellUser): string {
  const source = user.name?.trim() || user.email.split("@")[0] || "?";
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : source.slice(0, 2);
  return letters.toUpperCase();
}

/**
 * Avatar button with the signed-in identity. `signOutSlot` is rendered as the
 * last menu entry; pass a `DropdownMenuItem` so it stays keyboard-navigable.
 */
export function UserMenu({
  user,
  signOutSlot,
}: {
  user: ShellUser;
  signOutSlot?: React.ReactNode;
}) {
  const label = user.name ? `${user.name} (${user.email})` : user.email;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="rounded-full">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-full border bg-muted text-[11px] font-semibold tracking-wide text-foreground"
          >
            {initials(user)}
          </span>
          <span className="sr-only">Account menu for {label}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-0.5 py-2 font-normal">
          {user.name ? (
            <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          ) : null}
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        {signOutSlot ? (
          <>
            <DropdownMenuSeparator />
            {signOutSlot}
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
