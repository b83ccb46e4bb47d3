import { z } from "zod";
import { canFilter } from "@/lib/events/filters";

/**
 * An actor's key as a route takes it (`/actors/<key>`, `/api/actors/<key>`): the gid of a
 * user, or for an actor without one its type and e-mail or name (actor_key() in the
 * migration that added it). Keys are at most 200 characters without control characters, so
 * the explorer's actor filter takes any key as it is.
 */
export const actorKeySchema = z
  .string()
  .refine((value) => value.length > 0 && value.isWellFormed() && canFilter("actor", value), "an actor key (a gid, or a type with an e-mail or name) of at most 200 characters");

/**
 * The key in a route's path segment. Next.js hands dynamic segments over still percent-encoded
 * (`external_administrator%3Aemail%3Aa%40x.com`), while links encode every key with
 * encodeURIComponent: decoded here once. A segment that is not valid percent-encoding is taken
 * as it is (and then refused by actorKeySchema if it is no key).
 */
export function actorKeyFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
