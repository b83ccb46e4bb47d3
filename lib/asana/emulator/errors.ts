import type { Rng } from "./random";
import type { AsanaError } from "./types";

/**
 * Asana's error bodies. Words marked "documented" are from developers.asana.com (errors, rate
 * limits); "observed" were reported from the live API; the rest are Asana-style guesses, because
 * no source gives Asana's exact words for them. Clients must branch on status, not on wording.
 */
export const ERROR_HELP =
  "For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors";

export const MESSAGES = {
  /** documented */
  notAuthorized: "Not Authorized",
  /** observed for other endpoints: a route that does not exist */
  noRoute: "No matching route for request",
  /** observed wording for an unrecognised gid */
  unknownWorkspace: (gid: string) => `workspace: Not a recognized ID: ${gid}`,
  badGid: (param: string, value: string) => `${param}: Not a recognized ID: ${value}`,
  /** guessed */
  forbiddenWorkspace: "You do not have access to this workspace's audit log.",
  /** guessed, modelled on the observed "due_on: Date must be in ISO-8601 (yyyy-mm-dd) format, not: x" */
  badDateTime: (param: string, value: string) => `${param}: Date-time must be in ISO-8601 format, not: ${value}`,
  /** guessed */
  badActorType: (value: string) =>
    `actor_type: Not a valid actor type: ${value}. Must be one of user, asana, asana_support, anonymous, external_administrator`,
  /** guessed */
  actorTypeWithGid: "actor_type: Must not be given together with actor_gid",
  /** guessed */
  badLimit: (value: string, max: number) => `limit: Must be an integer between 1 and ${max}, not: ${value}`,
  /** observed */
  badOffset: "offset: Your pagination token is invalid.",
  /** guessed (Asana documents only that offsets expire) */
  expiredOffset: "offset: Your pagination token has expired.",
  /** documented */
  rateLimited: "You've made too many requests and hit a rate limit. Please retry after the given amount of time.",
  /** documented (with a phrase) */
  serverError: "Server Error",
  /** guessed: Asana documents the statuses, not their bodies */
  badGateway: "Bad Gateway",
  unavailable: "Service Unavailable: Asana is temporarily unable to handle the request. Please try again later.",
  gatewayTimeout: "Gateway Timeout: the request took too long to process.",
} as const;

export function errorBody(message: string, extra?: Partial<AsanaError>): { errors: AsanaError[] } {
  return { errors: [{ message, help: ERROR_HELP, ...extra }] };
}

/** node-asana-phrase style: "6 sad squid snuggle softly". */
const ADJECTIVES = ["sad", "happy", "sleepy", "brave", "quiet", "fuzzy", "grumpy", "shiny", "clever", "gentle", "wild", "tiny"];
const NOUNS = ["squid", "otters", "pandas", "lemurs", "falcons", "badgers", "walruses", "ferrets", "geckos", "herons", "moles", "yaks"];
const VERBS = ["snuggle", "wander", "giggle", "tumble", "whistle", "ponder", "dance", "mumble", "sparkle", "scurry", "bounce", "hum"];
const ADVERBS = ["softly", "boldly", "quickly", "sadly", "gently", "loudly", "swiftly", "calmly", "oddly", "warmly", "madly", "shyly"];

export function errorPhrase(rng: Rng): string {
  return `${2 + rng.int(30)} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(VERBS)} ${rng.pick(ADVERBS)}`;
}
