"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

async function copy(value: string) {
  try {
    await navigator.clipboard.writeText(value);
    toast.success("Signing secret copied");
  } catch {
    toast.error("The browser refused access to the clipboard: select the secret and copy it.");
  }
}

/** A webhook's signing secret, shown this once: the receiver checks signatures with it. */
export function SigningSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Signing secret</DialogTitle>
          <DialogDescription>
            Give it to the receiver: it checks the <code className="font-mono text-xs">X-Audit-Dashboard-Signature</code> header of each request with it. Copy it now: it is not shown again.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="channel-signing-secret">Signing secret</Label>
          <div className="flex gap-2">
            <Input id="channel-signing-secret" readOnly value={secret ?? ""} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="outline" onClick={() => secret && void copy(secret)}>
              Copy
            </Button>
          </div>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>Done</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
