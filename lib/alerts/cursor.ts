import { parseStoredInstant } from "@/lib/db/instant";
import { isAlertId } from "./vocabulary";

/** A position in the inbox, newest last event first: the last alert's last_at and id, opaque to callers. */
export const encodeAlertCursor = (lastAt: Date, id: string) => Buffer.from(`${lastAt.toISOString()}|${id}`).toString("base64url");

/** The position a cursor of ours names, or undefined for anything we did not write. */
export function decodeAlertCursor(cursor: string): { lastAt: Date; id: string } | undefined {
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  const lastAt = parseStoredInstant(iso ?? "");
  if (!lastAt || extra !== undefined || !isAlertId(id ?? "")) return undefined;
  return { lastAt, id: id! };
}
