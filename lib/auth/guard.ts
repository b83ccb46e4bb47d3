import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "./callback-url";
import { adminFromCookies } from "./session";

/** Set by proxy.ts on page requests so the dashboard layout knows where to come back to. */
export const REQUEST_PATH_HEADER = "x-request-path";

/**
 * proxy.ts's check of every page request, client-side navigations included (which do not
 * re-render the dashboard layout): no admin session, no page; the sign-in page instead,
 * with the way back.
 */
export async function guardPage(request: NextRequest): Promise<NextResponse> {
  const path = safeCallbackPath(`${request.nextUrl.pathname}${request.nextUrl.search}`);
  const admin = await adminFromCookies(request.cookies);
  if (!admin) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers: forwarded } });
}
