import { route } from "@/lib/http/route";
import { getStatus } from "@/lib/status/get-status";

export const dynamic = "force-dynamic";

export const GET = route("status", { auth: "admin" }, () => getStatus());
