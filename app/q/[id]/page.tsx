import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { SavedWindowNote } from "@/components/saved/saved-window";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";
import { parseEventParams } from "@/lib/events/search-params";
import { filterToText } from "@/lib/events/query-text";
import { SAVED_QUERY_ID } from "@/lib/saved-queries/ids";
import { getSavedQuery, openSavedQuery } from "@/lib/saved-queries/list-saved-queries";
import { savedWindow } from "@/lib/saved-queries/window";
import { requestLocalZone } from "@/lib/time/request-zone";

export const dynamic = "force-dynamic";

/**
 * /q/<id>: a saved query's short link, and its preview. Before the explorer opens, it says
 * whether the window is rolling (a relative range: other events when opened later) or
 * frozen (the same instants for everyone) and which instants it covers now, in the saved
 * zone or the reader's; "Open in Events" opens exactly the saved view. Opening the link notes
 * when it was last opened. Signed-out visitors are sent to sign in first by proxy.ts, and
 * come back here.
 */
export default async function OpenSavedQuery({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!SAVED_QUERY_ID.test(id)) notFound();
  const search = await openSavedQuery(id);
  const saved = search === null ? null : await getSavedQuery(id);
  if (search === null || !saved) notFound();
  const window = savedWindow(search, new Date(), await requestLocalZone());
  const parsed = parseEventParams(new URLSearchParams(search));
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-6 pt-16">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Saved query</p>
      <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">
        <DataText value={saved.name} max={200} />
      </h1>
      {saved.note ? (
        <p className="text-sm [overflow-wrap:anywhere] text-muted-foreground">
          <DataText value={saved.note} max={2_000} />
        </p>
      ) : null}
      {window ? <SavedWindowNote window={window} /> : null}
      {parsed.ok ? (
        <code className="rounded-md border bg-muted/40 p-3 font-mono text-xs break-all">
          <DataText value={filterToText(parsed.filter, window?.zone)} max={2_000} />
        </code>
      ) : null}
      <p className="text-xs text-muted-foreground">Saved by {saved.createdBy}.</p>
      <div className="flex gap-2">
        <Button asChild>
          <Link href={`/events${search}`}>Open in Events</Link>
        </Button>
        <Button variant="outline" asChild>
          <Link href="/saved">All saved queries</Link>
        </Button>
      </div>
    </main>
  );
}
