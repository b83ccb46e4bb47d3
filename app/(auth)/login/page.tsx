import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ProductMark } from "@/components/shell/product-mark";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { signInErrorMessage } from "@/lib/auth/messages";
import { currentAdmin } from "@/lib/auth/session";
import { signInAddress, wrongAddressMessage } from "@/lib/auth/sign-in-address";
import { addressedOrigin } from "@/lib/http/origin";
import { appUrl, isDemoMode, oidcSettings } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requestHeaders = new Headers(await headers());
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), appUrl(), addressedOrigin(requestHeaders));
  const where = signInAddress(requestHeaders);
  const error = signInErrorMessage(first(params.error));
  // Already signed in (and not sent back here with an error): no reason to stay.
  if (!error && (await currentAdmin())) redirect(callbackUrl);

  const oidc = oidcSettings();
  return (
    <div className="flex w-full max-w-sm flex-col gap-6">
      <div className="flex justify-center">
        <ProductMark />
      </div>
      <Card className="gap-5 py-6">
        <CardHeader className="px-6">
          <CardTitle>
            <h1 className="text-base">Sign in</h1>
          </CardTitle>
          <CardDescription>Only the dashboard&apos;s admins can see your company&apos;s audit log.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 px-6">
          {error ? (
            <Alert variant={first(params.error) === "AccessDenied" ? "destructive" : "warning"} data-testid="sign-in-error">
              <AlertTitle>{error.title}</AlertTitle>
              <AlertDescription>{error.description}</AlertDescription>
            </Alert>
          ) : first(params.signedOut) ? (
            <Alert variant="info" data-testid="signed-out">
              <AlertTitle>You are signed out</AlertTitle>
            </Alert>
          ) : null}
          {where.ok ? (
            <SignInForm callbackUrl={callbackUrl} sso={oidc ? { id: OIDC_PROVIDER_ID, name: oidc.name } : undefined} />
          ) : (
            <Alert variant="warning" data-testid="sign-in-elsewhere">
              <AlertTitle>Sign in at {where.use}</AlertTitle>
              <AlertDescription>
                <p>{wrongAddressMessage(where)}</p>
                <a className="font-medium underline underline-offset-2" href={`${where.use}/login${callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`}>
                  Go to {where.use}/login
                </a>
              </AlertDescription>
            </Alert>
          )}
        </CardContent>
      </Card>
      {isDemoMode() ? (
        <p className="text-center text-xs text-muted-foreground" data-testid="demo-hint">
          Demo mode: the demo admin&apos;s e-mail and password are printed in the server&apos;s start-up log.
        </p>
      ) : null}
    </div>
  );
}
