import { z } from "zod";
import { parseStoredInstant } from "@/lib/db/instant";

/** A position in the trail, newest first: the last entry's time and id, opaque to callers. */
export const encodeAuditCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

/** The position a cursor of ours names, or undefined for anything we did not write. */
export function decodeAuditCursor(cursor: string): { at: Date; id: string } | undefined {
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  const at = parseStoredInstant(iso ?? "");
  if (!at || extra !== undefined || !z.uuid().safeParse(id).success) return undefined;
  return { at, id: id! };
}
