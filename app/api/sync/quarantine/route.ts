import { route } from "@/lib/http/route";
import { listQuarantined } from "@/lib/sync/list-quarantined";

export const dynamic = "force-dynamic";

export const GET = route("sync.quarantine", () => listQuarantined());
