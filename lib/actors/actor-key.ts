import { z } from "zod";
import { checkValue } from "@/lib/events/filters";

const WHAT = "an actor key is a gid, or a type with an e-mail or name, of at most 200 characters";

/**
 * Why a text can be no actor's key, or null when it can be one. Any other text can: a bare
 * word is the key of an actor with no gid, e-mail or name (its type, e.g. `asana`), so an
 * unknown one is not found (404), not malformed.
 */
export function actorKeyProblem(value: string): string | null {
  if (!value.isWellFormed()) return "the key holds a lone surrogate (half of a UTF-16 character pair)";
  const checked = checkValue("actor", value);
  if ("error" in checked) return checked.error.replace(/^a value/, "the key");
  if (checked.value !== value) return "the key begins or ends with white space";
  return null;
}

/**
 * An actor's key as a route takes it (`/actors/<key>`, `/api/actors/<key>`): the gid of a
 * user, or for an actor without one its type and e-mail or name (actor_key() in the
 * migration that added it). Keys are at most 200 characters without control characters, so
 * the explorer's actor filter takes any key as it is. A refusal says what is wrong.
 */
export const actorKeySchema = z.string().superRefine((value, ctx) => {
  const problem = actorKeyProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: `${problem}: ${WHAT}` });
});

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
