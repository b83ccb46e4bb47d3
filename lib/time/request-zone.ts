import "server-only";
import { cookies } from "next/headers";
import { readZoneCookie, ZONE_COOKIE } from "./zone-cookie";

/** The zone the browser told us about (lib/time/zone-cookie.ts), or null on a first visit. */
export async function requestLocalZone(): Promise<string | null> {
  return readZoneCookie((await cookies()).get(ZONE_COOKIE)?.value);
}
