"use client";

import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useSyncNow } from "./query";

export function SyncNowButton() {
  const syncNow = useSyncNow();
  const start = () =>
    syncNow.mutate(undefined, {
      onSuccess: (answer) => (answer.status === "already_running" ? toast.info("A sync is already running; its progress shows below.") : toast.success("Sync started.")),
      onError: (error) => toast.error(error.message),
    });
  return (
    <Button onClick={start} disabled={syncNow.isPending}>
      <RefreshCw className={syncNow.isPending ? "animate-spin" : undefined} />
      Sync now
    </Button>
  );
}
