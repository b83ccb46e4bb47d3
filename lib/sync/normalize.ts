import { isIP } from "node:net";
import type { AuditLogEvent } from "@/lib/asana/schemas";

/**
 * Whether PostgreSQL's inet column can hold the event's client IP. One that it cannot (Asana
 * sending something else there) is kept in `raw` only, rather than failing the whole page.
 */
export function storableIp(event: AuditLogEvent): boolean {
  const ip = event.context?.client_ip_address;
  return typeof ip !== "string" || ip === "" || isIP(ip) !== 0;
}
