import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A short id for /q/<id>: 10 base62 characters (about 59 bits) from the system's CSPRNG, so
 * that links are short enough to paste in a chat and too many to guess. Bytes at or above
 * 248 are skipped so that every character is equally likely (248 = 4 × 62).
 */
export function newSavedQueryId(length = 10): string {
  let id = "";
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && id.length < length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

export const SAVED_QUERY_ID = /^[0-9A-Za-z]{10}$/;
