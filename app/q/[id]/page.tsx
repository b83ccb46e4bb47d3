import { notFound, redirect } from "next/navigation";
import { SAVED_QUERY_ID } from "@/lib/saved-queries/ids";
import { openSavedQuery } from "@/lib/saved-queries/list-saved-queries";

export const dynamic = "force-dynamic";

/**
 * /q/<id>: a saved query's short link. Opens the explorer on exactly the saved view (a
 * relative range rolls from now, a frozen one keeps its instants) and notes when it was
 * last opened. Signed-out visitors are sent to sign in first by proxy.ts, and come back here.
 */
export default async function OpenSavedQuery({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!SAVED_QUERY_ID.test(id)) notFound();
  const search = await openSavedQuery(id);
  if (search === null) notFound();
  redirect(`/events${search}`);
}
