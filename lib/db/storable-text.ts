/**
 * Text that PostgreSQL can store, from a value that may come from anywhere (Asana's error
 * messages, a record's gid, a validation message naming a hostile key): NUL and unpaired
 * surrogates become U+FFFD, and the length is bounded so that one value cannot bloat a row.
 */
export function storableText(value: string, maxLength: number): string {
  let text = value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value;
  if (text.includes("\u0000")) text = text.replaceAll("\u0000", "\uFFFD");
  return text.toWellFormed();
}
