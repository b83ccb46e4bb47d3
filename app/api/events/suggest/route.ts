import { parseSearch, route } from "@/lib/http/route";
import { suggestSearch } from "@/lib/events/suggest-params";
import { suggestValues } from "@/lib/events/suggest-values";

export const dynamic = "force-dynamic";

/** The query bar's completions from the data: `?field=actor|app|ip&prefix=&limit=` (lib/events/suggest-params.ts). */
export const GET = route("events.suggest", async ({ request }) => ({ items: await suggestValues(parseSearch(suggestSearch, request.nextUrl.searchParams)) }));
