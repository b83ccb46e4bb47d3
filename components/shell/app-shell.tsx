import * as React from "react";

import { MobileNav } from "./mobile-nav";
import { ProductMark } from "./product-mark";
import { PAGE_SKIP_LINKS_ID } from "./skip-links";
import { CurrentSection, SidebarNav } from "./sidebar-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu, type ShellUser } from "./user-menu";

export type AppShellProps = {
  children: React.ReactNode;
  /** Signed-in identity; the account menu is hidden while this is absent. */
  user?: ShellUser | null;
  /** Last entry of the account menu (a `DropdownMenuItem` that signs out). */
  signOutSlot?: React.ReactNode;
  /** Top-bar title; defaults to the nav label matching the current URL. */
  title?: React.ReactNode;
  /** Extra top-bar controls, placed before the theme toggle. */
  actions?: React.ReactNode;
  /** Above every page's content: the archive's warnings. */
  banner?: React.ReactNode;
};

/**
 * Frame for every signed-in page: sticky sidebar (a sheet below `lg`), top bar,
 * and a skip link to the main landmark. Server component; the interactive
 * parts are small client islands.
 */
export function AppShell({ children, user, signOutSlot, title, actions, banner }: AppShellProps) {
  return (
    <div className="flex min-h-dvh">
      {/* A page's own skip links (the explorer's "Skip to results") come first: see PageSkipLink. */}
      <span id={PAGE_SKIP_LINKS_ID} className="contents" />
      <a
        href="#main-content"
        className="sr-only rounded-md bg-primary text-sm font-medium text-primary-foreground shadow-md focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:px-3 focus:py-2"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar lg:flex">
        <div className="flex h-14 shrink-0 items-center border-b border-sidebar-border px-3">
          <ProductMark />
        </div>
        <SidebarNav className="flex-1 overflow-y-auto p-3" />
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/85 px-4 backdrop-blur-md supports-[backdrop-filter]:bg-background/70 sm:px-6 lg:px-8">
          <MobileNav />
          <div className="flex min-w-0 flex-1 items-center">{title ?? <CurrentSection />}</div>
          <div className="flex shrink-0 items-center gap-1">
            {actions}
            <ThemeToggle />
            {user ? <UserMenu user={user} signOutSlot={signOutSlot} /> : null}
          </div>
        </header>

        <main id="main-content" tabIndex={-1} className="flex-1 focus-visible:outline-none">
          {/* Pages stack their sections directly; the shell owns the vertical rhythm. */}
          <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
            {banner}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
