/** next-auth's error codes (and ours), said in words on the sign-in page. */
export function signInErrorMessage(code: string | undefined): { title: string; description: string } | undefined {
  switch (code) {
    case undefined:
    case "":
      return undefined;
    case "AccessDenied":
      return {
        title: "This account is not allowed in",
        description:
          "You signed in with your identity provider, but that account is not an admin of this dashboard. Ask an admin to add your e-mail address (or your domain) to the allow-list, or sign in with another account.",
      };
    case "CredentialsSignin":
      return { title: "Sign-in failed", description: "That e-mail and password do not match an admin account." };
    case "TooManyAttempts":
      return { title: "Too many failed attempts", description: "Sign-in is paused for this account for a while. Try again later." };
    case "SessionRequired":
      return { title: "Sign in to continue", description: "Your session ended or you signed out." };
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
    case "OAuthAccountNotLinked":
      return { title: "Single sign-on did not complete", description: "The identity provider's answer could not be used. Try again; if it keeps failing, the server log has the details." };
    case "Configuration":
      return { title: "Sign-in is misconfigured", description: "The server's sign-in settings are incomplete. An operator should check the start-up log." };
    default:
      return { title: "Sign-in failed", description: "Try again in a moment." };
  }
}
