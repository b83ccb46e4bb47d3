import { NotFoundState } from "@/components/shell/not-found-state";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-6 pt-24">
      <NotFoundState title="Nothing at this address" description="This dashboard has no page here. The link may have been cut short or mistyped." />
    </main>
  );
}
