"use client";

import * as React from "react";
import { Menu } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";

import { ProductMark } from "./product-mark";
import { SidebarNav } from "./sidebar-nav";

/** Below the `lg` breakpoint the sidebar collapses into this left-hand sheet. */
export function MobileNav() {
  const [open, setOpen] = React.useState(false);

  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="-ml-1.5 lg:hidden">
          <Menu />
          <span className="sr-only">Open navigation</span>
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 bg-sidebar sm:max-w-72">
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        <SheetDescription className="sr-only">Sections of the audit dashboard</SheetDescription>
        <div className="flex h-14 items-center border-b border-sidebar-border px-3">
          <ProductMark />
        </div>
        <SidebarNav className="p-3" onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
