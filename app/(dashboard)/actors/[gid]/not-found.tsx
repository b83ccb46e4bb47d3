import { NotFoundState } from "@/components/shell/not-found-state";

export default function ActorNotFound() {
  return (
    <NotFoundState
      title="No events by this actor are stored"
      description="An actor appears here once the sync has stored an event they did. The link may also have been cut short."
      links={[{ href: "/actors", label: "All actors" }]}
    />
  );
}
