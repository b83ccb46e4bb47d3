import { actorOf, type Caller } from "@/lib/http/route";

/**
 * Who a saved query is recorded as created by: the signed-in admin's e-mail. Requests with
 * no admin behind them (none reach these routes today) are recorded as "admin".
 */
export function currentAdminEmail(caller: Caller): string {
  return actorOf(caller) ?? "admin";
}
