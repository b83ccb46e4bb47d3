import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { BODY_LIMITS } from "@/lib/http/body";
import { HttpError } from "@/lib/http/errors";
import { clientAddress } from "@/lib/http/client-ip";
import { errorResponse, route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { emailSchema } from "./admins";
import { TOO_MANY_ATTEMPTS } from "./credentials";
import { authOptions } from "./options";
import { BadSignInInput, checkNextAuthInput } from "./next-auth-input";
import { signInAddress, wrongAddressMessage } from "./sign-in-address";
import { minutesUntil, throttleState } from "./throttle";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/** Does next-auth's answer say the password sign-in was refused for too many failures? */
async function refusedForAttempts(response: Response): Promise<boolean> {
  const location = response.headers.get("location");
  if (location) return new URL(location, "http://x").searchParams.get("error") === TOO_MANY_ATTEMPTS;
  if (!response.headers.get("content-type")?.includes("application/json")) return false;
  const body = (await response.clone().json().catch(() => undefined)) as { url?: string } | undefined;
  return body?.url ? new URL(body.url, "http://x").searchParams.get("error") === TOO_MANY_ATTEMPTS : false;
}

/** 429 in the app's error shape, with when to try again (Retry-After and in the message). */
async function tooManyAttempts(request: NextRequest, form: URLSearchParams, requestId: string) {
  const email = emailSchema.safeParse(form.get("email"));
  const state = email.success ? await throttleState({ email: email.data, ip: clientAddress(request.headers) }) : undefined;
  const retryAt = state?.retryAt ?? new Date(Date.now() + 60_000);
  const minutes = minutesUntil(retryAt);
  const error = new HttpError(429, "too_many_attempts", `Too many failed attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    retryAt: retryAt.toISOString(),
    retryAfterSeconds: Math.ceil((retryAt.getTime() - Date.now()) / 1000),
  });
  const response = errorResponse(error, requestId, log);
  response.headers.set("retry-after", String(Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000))));
  return response;
}

/**
 * next-auth's endpoints (/api/auth/*), public by nature, behind the one route wrapper. A
 * password sign-in refused by the brute-force limits becomes a 429 the sign-in page can
 * explain, instead of next-auth's generic error redirect.
 */
function handler(name: string) {
  return route<{ nextauth: string[] }>(name, { auth: "public", maxBodyBytes: BODY_LIMITS.signIn }, async ({ request, params, requestId }) => {
    // A sign-in posted at another address than NEXTAUTH_URL cannot set a cookie that counts.
    const where = request.method === "POST" ? signInAddress(request.headers) : ({ ok: true } as const);
    if (!where.ok) throw new HttpError(421, "wrong_address", wrongAddressMessage(where), { use: where.use });
    try {
      await checkNextAuthInput(request, params.nextauth ?? []);
    } catch (error) {
      if (!(error instanceof BadSignInInput)) throw error;
      const answer = errorResponse(error, requestId, log);
      answer.headers.append("set-cookie", `${error.clearCookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${error.clearCookie.startsWith("__Secure-") ? "; Secure" : ""}`);
      return answer;
    }
    const nextAuth = NextAuth(authOptions());
    const isPasswordCallback = request.method === "POST" && params.nextauth?.[0] === "callback" && params.nextauth?.[1] === "credentials";
    // The wrapper has read the body already, within the sign-in bound: this copy is small.
    const form = isPasswordCallback ? new URLSearchParams(await request.clone().text()) : undefined;
    const response: Response = await nextAuth(request, { params: Promise.resolve(params) } satisfies NextAuthContext);
    if (form && (await refusedForAttempts(response))) return tooManyAttempts(request, form, requestId);
    return response instanceof NextResponse ? response : new NextResponse(response.body, response);
  });
}

export const authGet = handler("auth");
export const authPost = handler("auth");
