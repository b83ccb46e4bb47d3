import { NotFoundState } from "@/components/shell/not-found-state";

export default function EventNotFound() {
  return (
    <NotFoundState
      title="No stored event has this gid"
      description="Either the sync has not stored it yet (see the sync page), or Asana dropped it after its 90 days before this dashboard first synced. The link may also have been cut short."
      links={[{ href: "/events", label: "Open the event explorer" }, { href: "/sync", label: "Sync" }]}
    />
  );
}
