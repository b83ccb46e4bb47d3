/**
 * Text from Asana as a person can trust it. Any stored value may hold characters that draw
 * nothing yet change what is read: bidi controls that show "Admin \u202eexe.txt" as
 * "Admin txt.exe", zero-width characters that make two names look alike, hundreds of
 * combining marks stacked on one letter that paint over the rows around it, or a token long
 * enough to widen a page to millions of pixels. Here such characters become visible parts
 * (⟨RLO⟩, ⟨ZWSP⟩, ⟨+492 marks⟩) and a value is cut at a bound, so that what is shown is
 * what is stored, in the order it is stored, in bounded space.
 *
 * Client-safe and pure: the UI renders the parts (components/ui/data-text.tsx), the server
 * builds sentences with the string form.
 */

export type TextPart =
  /** Characters drawn as they are. */
  | { kind: "text"; text: string }
  /** An invisible character, drawn as its short name. */
  | { kind: "hidden"; code: number; label: string; title: string }
  /** Combining marks past the few one letter may carry. */
  | { kind: "marks"; count: number };

export interface RevealedText {
  parts: TextPart[];
  /** True when the value went on past `max` characters. */
  cut: boolean;
}

export interface RevealOptions {
  /** Characters (code points) of the value to show at most. */
  max?: number;
  /** Keep line feeds and tabs as they are (multi-line values in a <pre>). */
  keepLines?: boolean;
}

/** Enough for any real script (Vietnamese stacks two, Hebrew with cantillation four). */
export const MAX_MARKS = 6;
export const DEFAULT_MAX = 300;

/** Short names of the characters people meet most; the rest read as U+XXXX. */
const NAMES = new Map<number, [string, string]>([
  [0x00, ["NUL", "NULL"]],
  [0x09, ["TAB", "CHARACTER TABULATION"]],
  [0x0a, ["LF", "LINE FEED"]],
  [0x0d, ["CR", "CARRIAGE RETURN"]],
  [0x1b, ["ESC", "ESCAPE"]],
  [0x7f, ["DEL", "DELETE"]],
  [0xad, ["SHY", "SOFT HYPHEN"]],
  [0x061c, ["ALM", "ARABIC LETTER MARK"]],
  [0x115f, ["HCF", "HANGUL CHOSEONG FILLER"]],
  [0x1160, ["HJF", "HANGUL JUNGSEONG FILLER"]],
  [0x180e, ["MVS", "MONGOLIAN VOWEL SEPARATOR"]],
  [0x200b, ["ZWSP", "ZERO WIDTH SPACE"]],
  [0x200c, ["ZWNJ", "ZERO WIDTH NON-JOINER"]],
  [0x200d, ["ZWJ", "ZERO WIDTH JOINER"]],
  [0x200e, ["LRM", "LEFT-TO-RIGHT MARK"]],
  [0x200f, ["RLM", "RIGHT-TO-LEFT MARK"]],
  [0x2028, ["LS", "LINE SEPARATOR"]],
  [0x2029, ["PS", "PARAGRAPH SEPARATOR"]],
  [0x202a, ["LRE", "LEFT-TO-RIGHT EMBEDDING"]],
  [0x202b, ["RLE", "RIGHT-TO-LEFT EMBEDDING"]],
  [0x202c, ["PDF", "POP DIRECTIONAL FORMATTING"]],
  [0x202d, ["LRO", "LEFT-TO-RIGHT OVERRIDE"]],
  [0x202e, ["RLO", "RIGHT-TO-LEFT OVERRIDE"]],
  [0x2060, ["WJ", "WORD JOINER"]],
  [0x2066, ["LRI", "LEFT-TO-RIGHT ISOLATE"]],
  [0x2067, ["RLI", "RIGHT-TO-LEFT ISOLATE"]],
  [0x2068, ["FSI", "FIRST STRONG ISOLATE"]],
  [0x2069, ["PDI", "POP DIRECTIONAL ISOLATE"]],
  [0x2800, ["BRAILLE BLANK", "BRAILLE PATTERN BLANK"]],
  [0x3164, ["HF", "HANGUL FILLER"]],
  [0xfeff, ["ZWNBSP", "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)"]],
  [0xffa0, ["HWHF", "HALFWIDTH HANGUL FILLER"]],
]);

/** Controls, format characters (bidi, zero-width, tags), line separators, lone surrogates, and blank letters. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115f\u1160\u2800\u3164\uffa0]/u;
const MARK = /\p{M}/u;
/** Anything that needs a closer look: a value without these is shown as it is. */
const SPECIAL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{M}\u115f\u1160\u2800\u3164\uffa0]/u;
/** Scripts whose spelling uses the zero-width (non-)joiner between letters. */
const JOINING = /[\p{Script_Extensions=Arabic}\p{Script_Extensions=Syriac}\p{Script_Extensions=Nko}\p{Script_Extensions=Mongolian}\p{Script_Extensions=Devanagari}\p{Script_Extensions=Bengali}\p{Script_Extensions=Gurmukhi}\p{Script_Extensions=Gujarati}\p{Script_Extensions=Oriya}\p{Script_Extensions=Tamil}\p{Script_Extensions=Telugu}\p{Script_Extensions=Kannada}\p{Script_Extensions=Malayalam}\p{Script_Extensions=Sinhala}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const TAG = (c: number) => c >= 0xe0020 && c <= 0xe007f;
const BLACK_FLAG = 0x1f3f4;

/**
 * Whether a format character at `i` does the job it exists for, in which case it stays
 * invisible: a joiner inside an emoji sequence (👩‍💻) or between letters of a script that
 * spells with it, a variation selector, tags spelling a subdivision flag (🏴 + tags).
 */
function isLegitimate(chars: string[], i: number): boolean {
  const code = chars[i]!.codePointAt(0)!;
  const before = chars[i - 1];
  const after = chars[i + 1];
  if (code === 0x200d && before && after && (PICTOGRAPHIC.test(before) || /[\u{1f3fb}-\u{1f3ff}\ufe0f]/u.test(before)) && PICTOGRAPHIC.test(after)) return true;
  if ((code === 0x200c || code === 0x200d) && before && after && JOINING.test(before) && JOINING.test(after)) return true;
  if (TAG(code)) {
    let j = i - 1;
    while (j >= 0 && TAG(chars[j]!.codePointAt(0)!)) j--;
    return j >= 0 && chars[j]!.codePointAt(0) === BLACK_FLAG;
  }
  return false;
}

function hiddenPart(code: number): TextPart {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const named = NAMES.get(code);
  return { kind: "hidden", code, label: named ? named[0] : hex, title: named ? `${hex} ${named[1]}` : `${hex}, a character that is not drawn` };
}

/**
 * Splits a value into what is drawn and what is not, up to `max` characters. Bounded by
 * `max`: a value of a million characters costs what its first `max` do.
 */
export function revealText(value: string, options: RevealOptions = {}): RevealedText {
  const max = options.max ?? DEFAULT_MAX;
  // Code points of the first max characters: slicing by code units could split a pair.
  const head = value.length > max * 2 ? value.slice(0, max * 2) : value;
  const all = Array.from(head);
  const chars = all.length > max ? all.slice(0, max) : all;
  const cut = chars.length < all.length || head.length < value.length;
  if (!SPECIAL.test(head)) return { parts: chars.length > 0 ? [{ kind: "text", text: chars.join("") }] : [], cut };

  const parts: TextPart[] = [];
  let text = "";
  let marks = 0;
  let extra = 0;
  const flush = () => {
    if (text) parts.push({ kind: "text", text });
    text = "";
    if (extra > 0) parts.push({ kind: "marks", count: extra });
    extra = 0;
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (MARK.test(ch)) {
      marks++;
      if (marks > MAX_MARKS) extra++;
      else text += ch;
      continue;
    }
    if (extra > 0) flush();
    marks = 0;
    if (options.keepLines && (ch === "\n" || ch === "\t")) text += ch;
    else if (HIDDEN.test(ch) && !isLegitimate(chars, i)) {
      flush();
      parts.push(hiddenPart(ch.codePointAt(0)!));
    } else text += ch;
  }
  flush();
  return { parts, cut };
}

/** The string form of a part: what a title, a chart label or a sentence shows. */
export function partText(part: TextPart): string {
  if (part.kind === "text") return part.text;
  if (part.kind === "hidden") return `⟨${part.label}⟩`;
  return `⟨+${part.count} marks⟩`;
}

/** A value as plain text that hides nothing and runs to at most about `max` characters, "…" when cut. */
export function visibleText(value: string, max = DEFAULT_MAX): string {
  const { parts, cut } = revealText(value, { max });
  return `${parts.map(partText).join("")}${cut ? "…" : ""}`;
}

/** True when the value holds anything revealText would draw differently from the plain string. */
export function hasHiddenCharacters(value: string): boolean {
  const { parts } = revealText(value, { max: value.length });
  return parts.some((p) => p.kind !== "text");
}
