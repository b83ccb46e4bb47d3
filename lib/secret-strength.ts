import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * How hard a secret is to guess, by zxcvbn (the estimator Dropbox published: dictionaries,
 * repeats, sequences, keyboard walks), so that "aaaaaaaaaaaaaaaa" or "passwordpassword" are
 * refused although they are 16 characters long. Its dictionaries load once, on first use.
 */
let estimator: ZxcvbnFactory | undefined;

/** zxcvbn's score: 4 means at least 10^10 guesses, "very unguessable". */
export const REQUIRED_SCORE = 4;

export function secretScore(secret: string): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(secret).score;
}
