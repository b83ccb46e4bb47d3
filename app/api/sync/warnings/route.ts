import { route } from "@/lib/http/route";
import { getWarnings } from "@/lib/sync/warnings";

export const dynamic = "force-dynamic";

/** What every page's banner says (the same list GET /api/state gives monitors). */
export const GET = route("sync.warnings", async () => ({ warnings: await getWarnings() }));
