/**
 * Asana's offsets are opaque strings, and nothing stops one from holding a character
 * PostgreSQL cannot store (NUL, an unpaired surrogate). Kept as it is, such an offset would
 * fail the transaction of every page that tries to commit it, and the stream would never
 * move again. So an offset that cannot be stored as text is kept as its UTF-16 code units in
 * base64 (lossless), behind a prefix no stored-as-is offset can start with.
 */
const PREFIX = "utf16le-base64:";

export function toStoredOffset(offset: string): string {
  if (!offset.includes("\u0000") && offset.isWellFormed() && !offset.startsWith(PREFIX)) return offset;
  return PREFIX + Buffer.from(offset, "utf16le").toString("base64");
}

export function fromStoredOffset(stored: string): string;
export function fromStoredOffset(stored: string | null): string | null;
export function fromStoredOffset(stored: string | null): string | null {
  if (stored === null || !stored.startsWith(PREFIX)) return stored;
  return Buffer.from(stored.slice(PREFIX.length), "base64").toString("utf16le");
}
