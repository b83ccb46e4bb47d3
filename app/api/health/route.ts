import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test harness. No data. */
export const GET = route("health", { auth: "public" }, async () => {
  await db().$queryRaw`SELECT 1`;
  return { ok: true };
});
