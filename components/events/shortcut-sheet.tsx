"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** Every key the explorer answers to (event-explorer.tsx, event-table.tsx, event-detail-drawer.tsx). */
const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ["/"], what: "Focus the query" },
  { keys: ["j", "↓"], what: "Next event (starts on the first row)" },
  { keys: ["k", "↑"], what: "Previous event" },
  { keys: ["Home", "End"], what: "First or last event of the page" },
  { keys: ["Enter"], what: "Open the focused event" },
  { keys: ["j", "k"], what: "With an event open: the next or previous one" },
  { keys: ["Esc"], what: "Close the event (focus returns to its row)" },
  { keys: ["?"], what: "This list" },
];

export function ShortcutSheet({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Keys work anywhere in the explorer except while typing in a field.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.what} className="contents">
              <dt className="flex gap-1">
                {s.keys.map((k) => (
                  <kbd key={k} className="min-w-6 rounded border bg-muted px-1.5 text-center font-mono text-xs leading-5">
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd className="text-muted-foreground">{s.what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
