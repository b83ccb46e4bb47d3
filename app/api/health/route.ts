import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for load balancers and the test harness. No data. It
 * asks the database on a connection of its own, so busy pages cannot make it slow.
 */
export const GET = route("health", { auth: "public" }, async () => {
  if (await databaseAnswers()) return { ok: true };
  return NextResponse.json({ ok: false, database: "not answering" }, { status: 503 });
});
