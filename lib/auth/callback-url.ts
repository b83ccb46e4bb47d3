/**
 * Where to go after signing in: a path of this app only, never another site (an open
 * redirect would let a phishing link borrow the dashboard's sign-in page), nor the sign-in
 * flow itself (which would loop).
 *
 * The candidate is read by the URL parser, as a browser reads a Location header: it drops
 * tabs and line breaks, turns "\" into "/", and maps look-alike dots (U+3002 and others) in
 * a host. Only what still has this app's origin after that is kept, written back as the
 * parser's own path, query and fragment (percent-encoded, so always a valid header).
 */
const BASE = "http://callback.invalid";

export function safeCallbackPath(raw: unknown, ...origins: Array<string | undefined>): string {
  const path = sameOriginPath(raw, ...origins);
  if (path === null || /^\/(login|api\/auth)(\/|\?|#|$)/i.test(path)) return "/";
  return path;
}

/** The path, query and fragment of `raw` when it stays on this app's origin, else null. */
export function sameOriginPath(raw: unknown, ...origins: Array<string | undefined>): string | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  let candidate = raw;
  for (const origin of origins) {
    if (origin && candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length);
    else if (origin && candidate === origin) candidate = "/";
  }
  // Only a path may come in: a scheme, or "//" after the parser's clean-up, is another site.
  if (!/^[/\\\t\n\r]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}
