import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { getWarnings } from "@/lib/sync/warnings";

export const dynamic = "force-dynamic";

/**
 * The archive's state for a monitor to alert on: 200 when nothing needs attention, 503 with
 * the reasons when something does (the sync failing, polling standing still, days about to
 * leave Asana unverified, altered days). No event data. /api/health stays liveness only.
 */
export const GET = route("state", { auth: "public" }, async () => {
  const warnings = await getWarnings();
  return NextResponse.json({ ok: warnings.length === 0, warnings }, { status: warnings.length === 0 ? 200 : 503 });
});
