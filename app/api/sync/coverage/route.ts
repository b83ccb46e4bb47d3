import { route } from "@/lib/http/route";
import { getCoverage } from "@/lib/sync/get-coverage";

export const dynamic = "force-dynamic";

/** Each day's coverage (verified, filled, not verified, about to leave Asana…) and the chain's head. */
export const GET = route("sync.coverage", () => getCoverage());
