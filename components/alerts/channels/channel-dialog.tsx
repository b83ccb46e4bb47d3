"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { visibleText } from "@/lib/format/visible-text";
import type { ChannelSaved, ChannelView, CreateChannelInput } from "@/lib/detections/notify/channel-schema";
import { ChannelForm } from "./channel-form";
import { formErrors } from "@/components/ui/form-field";
import { useCreateChannel, useUpdateChannel } from "./query";
import { SigningSecretDialog } from "./signing-secret-dialog";

/** The create or edit dialog of a channel, then the signing secret when one was made. */
export function ChannelDialog({ open, channel, onClose }: { open: boolean; channel?: ChannelView; onClose: () => void }) {
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const mutation = channel ? update : create;
  const [secret, setSecret] = useState<string | null>(null);
  const formId = channel ? "edit-channel" : "new-channel";
  // A dialog opened again starts without the last attempt's errors.
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const saved = (result: ChannelSaved) => {
    toast.success(`Saved “${visibleText(result.channel.name, 120)}”`);
    close();
    if (result.signingSecret) setSecret(result.signingSecret);
  };
  const submit = ({ kind, ...input }: Record<string, unknown> & { kind: string }) => {
    if (channel) update.mutate({ id: channel.id, ...input }, { onSuccess: saved });
    else create.mutate({ kind, ...input } as CreateChannelInput, { onSuccess: saved });
  };

  return (
    <>
      <Dialog open={open} onOpenChange={(next) => !next && close()}>
        <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>{channel ? <>Edit “<DataText value={channel.name} max={120} />”</> : "New alert channel"}</DialogTitle>
            <DialogDescription>
              {channel ? "Secrets are not shown: leave their fields empty to keep them." : "Where alerts are sent: a webhook (signed JSON), a Slack incoming webhook, or e-mail over SMTP."}
            </DialogDescription>
          </DialogHeader>
          {open ? <ChannelForm id={formId} channel={channel} errors={formErrors(mutation.error)} onSubmit={submit} /> : null}
          <DialogFooter>
            <Button variant="outline" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" form={formId} disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : channel ? "Save changes" : "Create channel"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <SigningSecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** The page's "New channel" action. */
export function NewChannelButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus />
        New channel
      </Button>
      <ChannelDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
