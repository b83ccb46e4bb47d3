import type { NextRequest } from "next/server";
import { guardPage } from "@/lib/auth/guard";

/**
 * Next.js 16's proxy (formerly middleware) runs before every page request. It checks the
 * admin session of pages; API routes check their own in lib/http/route.ts, which answers
 * 401 in the app's error shape rather than a redirect.
 */
export function proxy(request: NextRequest) {
  return guardPage(request);
}

export const config = {
  // Everything but the API, Next's own assets, files with an extension and the sign-in page.
  matcher: ["/((?!api/|_next/|login(?:/|$)|[^/]+\\.[a-z0-9]+$).*)"],
};
