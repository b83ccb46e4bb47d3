import { authGet, authPost } from "@/lib/auth/handler";

export const dynamic = "force-dynamic";

/** next-auth's sign-in, callback, sign-out, session and CSRF endpoints (public by nature). */
export const GET = authGet;
export const POST = authPost;
