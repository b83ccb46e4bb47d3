import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

/**
 * Admin passwords: argon2id with the OWASP-recommended cost (19 MiB, 2 passes, 1 lane), in
 * the PHC string format so that a later cost change still verifies old hashes.
 */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash to verify against when the e-mail is unknown, so that "no such admin" takes
// as long as "wrong password" and the timing does not tell which e-mails are admins.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await decoy, password);
  return false;
}

/** 24 characters from a 32-letter alphabet without look-alikes: 120 bits. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789-";
  const bytes = randomBytes(24);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return chars.join("").replace(/^-|-$/g, "x");
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return "use at most 256 characters";
  return undefined;
}
