import "next-auth/jwt";

declare module "next-auth/jwt" {
  /** The session cookie carries no more than a pointer into the session registry. */
  interface JWT {
    sid?: string;
    provider?: string;
  }
}
