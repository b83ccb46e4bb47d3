import { EventTableSkeleton } from "@/components/events/event-table";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function LoadingEvents() {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Events" description="Every audit event stored from Asana. Filter, search, open one for the whole story; the address always reproduces the view." />
      <div className="flex flex-col gap-4">
        <Skeleton className="h-10" />
        <div className="flex gap-2">
          <Skeleton className="h-8 w-36" />
          <Skeleton className="h-8 w-20" />
        </div>
        <div className="grid items-start gap-4 lg:grid-cols-[13rem_minmax(0,1fr)] xl:grid-cols-[15.5rem_minmax(0,1fr)]">
          <div className="order-2 flex flex-col gap-3 lg:order-1">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
          <div className="order-1 lg:order-2">
            <EventTableSkeleton columns={6} />
          </div>
        </div>
      </div>
    </div>
  );
}
