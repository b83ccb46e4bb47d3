"use client";

import type { ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { visibleText } from "@/lib/format/visible-text";

/** What a feature's delete mutation offers (TanStack Query's useMutation of an id). */
interface DeleteMutation {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: Error | null;
}

interface ConfirmDeleteDialogProps {
  /** What is about to be deleted; null keeps the dialog closed. */
  target: { id: string; name: string } | null;
  onClose: () => void;
  /** What the deletion does and does not take with it. */
  description: string;
  mutation: DeleteMutation;
  onDeleted?: () => void;
  /** Facts to weigh before confirming (whose it is). */
  children?: ReactNode;
}

/**
 * Asks before a deletion, which cannot be undone. A refusal stays in the dialog, so that the
 * reader sees why and may cancel; closing forgets it, so that the next deletion starts clean.
 */
export function ConfirmDeleteDialog({ target, onClose, description, mutation, onDeleted, children }: ConfirmDeleteDialogProps) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  const confirm = () => {
    if (!target) return;
    mutation.mutate(target.id, {
      onSuccess: () => {
        close();
        toast.success(`Deleted “${visibleText(target.name, 120)}”`);
        onDeleted?.();
      },
    });
  };
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete “{target ? <DataText value={target.name} max={120} /> : null}”?</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        {mutation.error ? (
          <p role="alert" className="text-sm [overflow-wrap:anywhere] text-destructive">
            {mutation.error.message}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
          <Button variant="destructive" disabled={mutation.isPending} onClick={confirm}>
            {mutation.isPending ? "Deleting…" : "Delete"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
