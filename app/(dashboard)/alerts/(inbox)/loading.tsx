import { InboxHeader } from "@/components/alerts/inbox/inbox-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function LoadingAlerts() {
  return (
    <div className="flex flex-col gap-6">
      <InboxHeader />
      <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading alerts">
        <div className="flex flex-wrap justify-between gap-3">
          <Skeleton className="h-9 w-80" />
          <Skeleton className="h-8 w-[36rem]" />
        </div>
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}
