import { NotFoundState } from "@/components/shell/not-found-state";

export default function SavedQueryNotFound() {
  return (
    <main className="mx-auto max-w-xl p-6 pt-24">
      <NotFoundState
        title="This saved query does not exist"
        description="It may have been deleted, or the link was cut short. The saved queries page lists the ones the team kept."
        links={[{ href: "/saved", label: "Saved queries" }]}
      />
    </main>
  );
}
