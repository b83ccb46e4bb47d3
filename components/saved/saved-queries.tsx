"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Bookmark, MoreHorizontal } from "lucide-react";
import { toast } from "sonner";
import { parseEventParams } from "@/lib/events/search-params";
import { filterToText } from "@/lib/events/query-text";
import { visibleText } from "@/lib/format/visible-text";
import { savedQueriesQuery, useDeleteSavedQuery, useUpdateSavedQuery } from "@/lib/saved-queries/query";
import type { SavedQueryView } from "@/lib/saved-queries/schema";
import { useHydrated } from "@/components/ui/use-hydrated";
import { timeRangeLabel } from "@/components/filters/condition-label";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { DataText } from "@/components/ui/data-text";
import { When } from "@/components/ui/when";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SavedQueryForm } from "./saved-query-form";
import { SavedWindowNote } from "./saved-window";
import { savedWindow } from "@/lib/saved-queries/window";
import { useLocalZone } from "@/lib/time/use-local-zone";

function describe(search: string): { text: string; range: string; relative: boolean } {
  const parsed = parseEventParams(new URLSearchParams(search));
  if (!parsed.ok) return { text: search, range: "", relative: false };
  const text = filterToText(parsed.filter).replace(/\s*(since|from|to):\S+/g, "").trim();
  return { text: text || "all events", range: timeRangeLabel(parsed.filter.time), relative: parsed.filter.time.kind === "relative" };
}

/** Rolling or frozen and what it covers now, once the browser (its zone, its clock) renders it. */
function Window({ search }: { search: string }) {
  const hydrated = useHydrated();
  const zone = useLocalZone();
  const window = hydrated ? savedWindow(search, new Date(), zone) : null;
  if (!window) return <span className="text-xs text-muted-foreground">{describe(search).range}</span>;
  return <SavedWindowNote window={window} />;
}

async function copyLink(id: string) {
  try {
    await navigator.clipboard.writeText(`${window.location.origin}/q/${id}`);
    toast.success("Link copied");
  } catch {
    toast.error("The browser refused access to the clipboard.");
  }
}

/** Whose query a change touches: any admin may change any query, and the audit trail keeps who did. */
function OwnerNote({ owner }: { owner: string }) {
  return (
    <p className="text-sm text-muted-foreground" data-testid="saved-query-owner">
      Owner: <span className="font-medium text-foreground">{owner}</span>. The change is recorded in the audit trail under your name, with what it was before.
    </p>
  );
}

/** The team's saved views: open, copy the short link, edit, delete. */
export function SavedQueries() {
  const query = useQuery(savedQueriesQuery());
  const [editing, setEditing] = useState<SavedQueryView | null>(null);
  const [deleting, setDeleting] = useState<SavedQueryView | null>(null);
  const update = useUpdateSavedQuery();
  const remove = useDeleteSavedQuery();

  if (query.isPending) return <Skeleton className="h-64" aria-label="Loading saved queries" />;
  if (query.error) return <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <EmptyState
        bordered
        icon={Bookmark}
        title="No saved queries yet"
        description="In the event explorer, set up a view and choose “Save query”: it gets a short link any admin can open."
        action={
          <Button size="sm" asChild>
            <Link href="/events">Open the explorer</Link>
          </Button>
        }
      />
    );
  }

  return (
    <>
      <Table containerClassName="rounded-lg border" aria-label="Saved queries">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Query</TableHead>
            <TableHead>Owner</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last opened</TableHead>
            <TableHead className="w-10">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {query.data.map((s) => {
            const d = describe(s.search);
            return (
              <TableRow key={s.id} className="align-top">
                <TableCell className="max-w-64 whitespace-normal">
                  <Link href={`/q/${s.id}`} className="font-medium [overflow-wrap:anywhere] underline-offset-2 hover:underline">
                    <DataText value={s.name} />
                  </Link>
                  {s.note ? (
                    <p className="line-clamp-2 text-xs [overflow-wrap:anywhere] text-muted-foreground">
                      <DataText value={s.note} />
                    </p>
                  ) : null}
                </TableCell>
                <TableCell className="max-w-96 whitespace-normal">
                  <code className="line-clamp-2 font-mono text-xs break-all">
                    <DataText value={d.text} max={500} />
                  </code>
                  <div className="mt-1">
                    <Window search={s.search} />
                  </div>
                </TableCell>
                <TableCell className="text-sm">{s.createdBy}</TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  <When iso={s.createdAt} />
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  <When iso={s.lastOpenedAt} />
                </TableCell>
                <TableCell>
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${visibleText(s.name, 120)}`}>
                        <MoreHorizontal />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem asChild>
                        <Link href={`/q/${s.id}`}>Open</Link>
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => void copyLink(s.id)}>Copy link</DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => (update.reset(), setEditing(s))}>Rename or edit…</DropdownMenuItem>
                      <DropdownMenuItem asChild>
                        <Link href={`/alerts/rules/new?savedQuery=${encodeURIComponent(s.id)}`}>Create a detection rule…</Link>
                      </DropdownMenuItem>
                      <DropdownMenuSeparator />
                      <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(s)}>
                        Delete…
                      </DropdownMenuItem>
                    </DropdownMenuContent>
                  </DropdownMenu>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit saved query</DialogTitle>
            <DialogDescription>The link stays the same. Freezing the time range fixes it to the instants it covers now.</DialogDescription>
          </DialogHeader>
          {editing ? <OwnerNote owner={editing.createdBy} /> : null}
          {editing ? (
            <SavedQueryForm
              id="edit-saved-query"
              initial={{ name: editing.name, note: editing.note, timeMode: editing.timeMode }}
              relativeLabel={describe(editing.search).range}
              canStayRelative={describe(editing.search).relative}
              error={update.error?.message}
              onSubmit={(fields) =>
                update.mutate(
                  { id: editing.id, name: fields.name, note: fields.note, timeMode: fields.timeMode },
                  {
                    onSuccess: (saved) => {
                      setEditing(null);
                      toast.success(`Saved “${visibleText(saved.name, 120)}”`);
                    },
                  },
                )
              }
            />
          ) : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button type="submit" form="edit-saved-query" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save changes"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <ConfirmDeleteDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        description="Its short link stops working for everyone. The events themselves are not touched."
        mutation={remove}
      >
        {deleting ? <OwnerNote owner={deleting.createdBy} /> : null}
      </ConfirmDeleteDialog>
    </>
  );
}
