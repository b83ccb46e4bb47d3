"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { requestSync, syncKeys } from "@/lib/sync/query";

export function SyncNowButton() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: requestSync,
    onSuccess: (answer) => {
      if (answer.status === "already_running") toast.info("A sync is already running; its progress shows below.");
      else toast.success("Sync started.");
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncKeys.all }),
  });
  return (
    <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
      <RefreshCw className={mutation.isPending ? "animate-spin" : undefined} />
      Sync now
    </Button>
  );
}
