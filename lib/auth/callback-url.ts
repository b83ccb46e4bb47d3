/**
 * Where to go after signing in: a path of this app only, never another site (an open
 * redirect would let a phishing link borrow the dashboard's sign-in page), nor the sign-in
 * flow itself (which would loop).
 */
export function safeCallbackPath(raw: unknown, origin?: string): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  let candidate = raw;
  if (origin && candidate.startsWith(origin)) candidate = candidate.slice(origin.length) || "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return "/";
  if (/^\/(login|api\/auth)(\/|\?|$)/.test(candidate)) return "/";
  return candidate;
}
