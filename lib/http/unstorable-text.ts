/**
 * The first string of a parsed JSON body that PostgreSQL cannot store, keys included: a NUL
 * (text and jsonb refuse it) or half of a UTF-16 surrogate pair (jsonb refuses it, and text
 * would silently hold U+FFFD instead of what was sent). Refused at the door, so that no route
 * answers 500 for a value it only passes on to the database.
 */
export interface UnstorableText {
  /** Where it is, as zod names a field: "name", "detailsMatch.0.anyOf.1". */
  field: string;
  message: string;
}

const MAX_FIELD = 200;

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return "holds a NUL character (U+0000), which cannot be stored";
  if (!text.isWellFormed()) return "holds half of a UTF-16 surrogate pair, which cannot be stored";
  return null;
}

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

// Built only for the one string refused (copying the path at every level would cost the square
// of the depth), and cut: a path 100,000 levels deep is no use in a message.
function fieldOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.push(at.key);
  const field = keys.reverse().join(".").toWellFormed().replaceAll("\u0000", "\uFFFD") || "(input)";
  return field.length > MAX_FIELD ? `${field.slice(0, MAX_FIELD)}…` : field;
}

export function findUnstorableText(value: unknown): UnstorableText | null {
  // A stack, not recursion: a body within the size limit may nest 100,000 levels deep.
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (typeof visit.value === "string") {
      const problem = problemOf(visit.value);
      if (problem) return { field: fieldOf(visit), message: `the value ${problem}` };
    } else if (typeof visit.value === "object" && visit.value !== null) {
      for (const [key, child] of Object.entries(visit.value)) {
        const next = { value: child, key, parent: visit };
        const problem = problemOf(key);
        if (problem) return { field: fieldOf(next), message: `the key ${problem}` };
        stack.push(next);
      }
    }
  }
  return null;
}
