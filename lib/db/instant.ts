/**
 * An instant as the app writes it in cursors (`2026-11-20T10:00:00.123Z`), read back only
 * when it names a real moment that PostgreSQL's timestamptz also holds: JavaScript reads year
 * 0000 and dates such as -271821-04-20, which PostgreSQL refuses (a 500 where a 400 belongs).
 * The exact round trip also refuses 2026-02-30 and 24:00, which Date() would roll over.
 */
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseStoredInstant(text: string): Date | null {
  if (!SHAPE.test(text) || text.startsWith("0000")) return null;
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text ? date : null;
}
