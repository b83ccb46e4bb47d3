"use client";

import * as React from "react";
import { KeyRound, Loader2, LogIn, ShieldAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { signInWithPassword, signInWithSso, type PasswordSignInResult } from "@/lib/auth/client";

type Failure = Extract<PasswordSignInResult, { ok: false }>;

/** E-mail and password, and single sign-on when the server has it configured. */
export function SignInForm({ callbackUrl, sso }: { callbackUrl: string; sso?: { id: string; name: string } }) {
  const [pending, setPending] = React.useState<"password" | "sso" | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending("password");
    setFailure(null);
    const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""), callbackUrl);
    if (result.ok) {
      // A full load, so the server renders the signed-in shell with the new cookie.
      window.location.assign(result.url);
      return;
    }
    setFailure(result);
    setPending(null);
  }

  return (
    <div className="flex flex-col gap-4">
      {failure ? (
        <Alert variant={failure.kind === "locked" ? "destructive" : "warning"} data-testid={failure.kind === "locked" ? "sign-in-locked" : "sign-in-failed"}>
          <ShieldAlert />
          <AlertTitle>{failure.kind === "locked" ? "Sign-in paused" : "Sign-in failed"}</AlertTitle>
          <AlertDescription>{failure.message}</AlertDescription>
        </Alert>
      ) : null}
      <form className="flex flex-col gap-4" onSubmit={onSubmit} aria-label="Password sign-in">
        <div className="flex flex-col gap-2">
          <Label htmlFor="email">E-mail</Label>
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus placeholder="you@company.com" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="password">Password</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <Button type="submit" disabled={pending !== null}>
          {pending === "password" ? <Loader2 className="animate-spin" /> : <LogIn />}
          Sign in
        </Button>
      </form>
      {sso ? (
        <>
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <Separator className="flex-1" />
            or
            <Separator className="flex-1" />
          </div>
          <Button
            type="button"
            variant="outline"
            disabled={pending !== null}
            onClick={() => {
              setPending("sso");
              void signInWithSso(sso.id, callbackUrl);
            }}
          >
            {pending === "sso" ? <Loader2 className="animate-spin" /> : <KeyRound />}
            Continue with {sso.name}
          </Button>
        </>
      ) : null}
    </div>
  );
}
