/**
 * A real OpenID Connect provider for the e2e run: `oidc-provider`, the certified
 * implementation, with its development login form (any login, any password: the login
 * becomes the subject, and the subject is the e-mail). Consent is pre-granted for the
 * dashboard's client, as an organisation's IdP does for an app its admins approved.
 * Started by playwright.config.ts; `npx tsx e2e/oidc/provider.ts` runs it by hand.
 */
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { E2E_BASE_URL, OIDC, OIDC_ISSUER } from "../constants";

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC.clientId,
      client_secret: OIDC.clientSecret,
      redirect_uris: [`${E2E_BASE_URL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => ({ sub, email: sub, email_verified: true, name: sub.split("@")[0] }),
  }),
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const existing = session.grantIdFor(client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["email", "email_verified", "name"]);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["e2e-only-cookie-signing-key"] },
};

const provider = new Provider(OIDC_ISSUER, configuration);
provider.listen(OIDC.port, () => process.stdout.write(`local OpenID provider at ${OIDC_ISSUER}\n`));
