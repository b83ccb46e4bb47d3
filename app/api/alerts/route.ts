import { listAlerts } from "@/lib/alerts/list";
import { alertListApiSearch } from "@/lib/alerts/search-params";
import { parseSearch, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The alerts inbox, newest last event first: ?status=&severity=&rule=&actor=&range=&cursor=&limit= (lib/alerts/search-params.ts). */
export const GET = route("alerts.list", { auth: "admin" }, async ({ request }) => listAlerts(parseSearch(alertListApiSearch, request.nextUrl.searchParams)));
