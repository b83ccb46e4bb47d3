import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import CredentialsProvider from "next-auth/providers/credentials";
import { appUrl, authSecret, env, exportAuthEnvForNextAuth, oidcSettings } from "@/lib/env";
import { log } from "@/lib/log";
import { recordAuditEntry } from "@/lib/audit-trail/record";
import { clientAddress, userAgentOf } from "@/lib/http/client-ip";
import { normalizeEmail, upsertSsoAdmin } from "./admins";
import { isAllowedSsoEmail } from "./allow-list";
import { sameOriginPath } from "./callback-url";
import { authorizePassword } from "./credentials";
import { openSession, revokeSession, validateSession } from "./sessions";

/**
 * next-auth's configuration: the only module besides session.ts, handler.ts and client.ts
 * that knows the library. Sessions are JWT cookies that point into the session registry
 * (lib/auth/sessions.ts), which decides whether they are still good.
 */
export const OIDC_PROVIDER_ID = "oidc";

/** next-auth's error codes that any visitor can cause with a cookie of their own making. */
const CLIENT_CAUSED = new Set(["JWT_SESSION_ERROR"]);

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

async function requestHeaders(): Promise<Headers | undefined> {
  try {
    const { headers } = await import("next/headers");
    return new Headers(await headers());
  } catch {
    return undefined;
  }
}

function oidcProvider(): OAuthConfig<OidcProfile>[] {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      // The ID token is verified (signature, issuer, audience, nonce); the e-mail may only be
      // in the userinfo answer, as OpenID Connect allows, so both are read. openid-client
      // refuses a userinfo answer about another subject than the ID token's.
      userinfo: {
        async request({ tokens, client }) {
          // next-auth types them as plain parameters; at run time they are openid-client's set.
          const set = tokens as unknown as TokenSet;
          return { ...set.claims(), ...(await client.userinfo(set)) };
        },
      },
      // Only the verified `email` claim names an admin: a display name or a username can be
      // chosen by the user, so they never decide who is let in.
      profile: (profile) => ({ id: profile.sub, email: profile.email ? normalizeEmail(profile.email) : null, name: profile.name ?? null }),
    },
  ];
}

function buildOptions(): NextAuthOptions {
  const e = env();
  exportAuthEnvForNextAuth(e);
  const maxAge = Math.floor(e.AUTH_SESSION_MAX_AGE / 1000);
  return {
    secret: authSecret(e),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    useSecureCookies: appUrl(e).startsWith("https://"),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizePassword(credentials, req.headers ?? {}),
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // next-auth's own redirects (after single sign-on, after sign-out) stay on this app,
      // by the same reading of the URL as the sign-in page's way back.
      redirect: ({ url, baseUrl }) => `${baseUrl}${sameOriginPath(url, baseUrl) ?? "/"}`,
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const verified = (profile as OidcProfile | undefined)?.email_verified;
        const reason = !user.email ? "no_email_claim" : verified === false ? "email_not_verified" : !isAllowedSsoEmail(user.email) ? "not_on_allow_list" : undefined;
        if (!reason) return true;
        await recordAuditEntry({ actor: user.email ?? null, action: "sign_in.refused", details: { provider: OIDC_PROVIDER_ID, reason, subject: user.id } });
        return false;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        const headers = await requestHeaders();
        const email = normalizeEmail(user.email ?? "");
        const adminId = account.provider === OIDC_PROVIDER_ID ? (await upsertSsoAdmin(email, user.name)).id : user.id;
        const session = await openSession({ adminId, provider: account.provider, ip: headers && clientAddress(headers), userAgent: headers && userAgentOf(headers) });
        // Nothing else rides in the cookie: the registry row is the session.
        return { sid: session.id, email, name: user.name ?? null, provider: account.provider, sub: adminId };
      },
      // next-auth's own /api/auth/session answers "no session" for a cookie the registry
      // no longer honours, so that no part of the library sees a signed-out admin as in.
      async session({ session, token }) {
        return (await validateSession(token.sid)) ? session : ({} as typeof session);
      },
    },
    events: {
      async signIn({ user, account }) {
        await recordAuditEntry({ actor: user.email ?? null, action: "sign_in.success", details: { provider: account?.provider } });
      },
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid);
        await recordAuditEntry({ actor: token?.email ?? null, action: "sign_out", details: { provider: token?.provider } });
      },
    },
    logger: {
      // A session cookie that does not decode (another secret, tampered with, expired) is a
      // visitor's doing, not the server's: it is answered as "no session", like ours are.
      error: (code, metadata) =>
        CLIENT_CAUSED.has(code) ? log.debug({ code }, "next-auth: a session cookie could not be read") : log.error({ code, metadata }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: (code, metadata) => log.debug({ code, metadata }, "next-auth debug"),
    },
  };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= buildOptions();
  return cached;
}
