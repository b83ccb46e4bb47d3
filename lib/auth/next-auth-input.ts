import type { NextRequest } from "next/server";
import { badRequest, HttpError } from "@/lib/http/errors";

/**
 * What next-auth cannot take from a visitor without a 500: a callbackUrl (query or cookie)
 * that is not an http(s) URL, which it reports as a server misconfiguration, a JSON body
 * that does not parse, which it reads unguarded, and a GET of the password callback. Checked first, these are 400s that say so;
 * a bad callback cookie is cleared with the answer, so that the next try works.
 */
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth's own test (core/lib/assert.js): an http(s) URL, or a path read against the base. */
function nextAuthTakes(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://base.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

/** A bad callback cookie: answered with a 400 that clears it. */
export class BadSignInInput extends HttpError {
  constructor(
    message: string,
    readonly clearCookie: string,
  ) {
    super(400, "bad_request", message);
  }
}

export async function checkNextAuthInput(request: NextRequest, segments: readonly string[] = []): Promise<void> {
  // next-auth throws for any other method here ("Callback for provider type credentials not supported").
  if (segments[0] === "callback" && segments[1] === "credentials" && request.method !== "POST") {
    throw new HttpError(405, "method_not_allowed", "The password sign-in takes a POST from the sign-in page.", { allow: "POST" });
  }
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !nextAuthTakes(callbackUrl)) throw badRequest("callbackUrl: not an address of this dashboard; leave it out to go to the overview.");
  for (const name of CALLBACK_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value !== undefined && !nextAuthTakes(value)) throw new BadSignInInput("A sign-in cookie was malformed and has been cleared: try again.", name);
  }
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(await request.clone().text());
    } catch {
      throw badRequest("The request body must be valid JSON (or a form).");
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a JSON object (or a form).");
  }
}
