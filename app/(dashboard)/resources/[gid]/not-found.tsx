import { NotFoundState } from "@/components/shell/not-found-state";

export default function ResourceNotFound() {
  return (
    <NotFoundState
      title="No stored event is about this resource"
      description="A task, project, user or other resource has a history here once the sync has stored an event about it. The link may also have been cut short."
    />
  );
}
