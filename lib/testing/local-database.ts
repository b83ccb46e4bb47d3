import { isIP } from "node:net";

/**
 * Tests create and drop databases on the server they are given, so they refuse one that is
 * not on this machine: a TEST_DATABASE_URL or E2E_DATABASE_URL left pointing at a shared or
 * production server must stop the run, not empty that server.
 */
const LOCAL_NAMES = new Set(["localhost", "localhost.localdomain", "ip6-localhost"]);

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (LOCAL_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

/** The URL itself when its server is this machine's (loopback or a Unix socket); else throws saying why. */
export function requireLocalDatabase(url: string, setting: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${setting} is not a PostgreSQL URL.`);
  }
  // A socket directory in ?host=/path (libpq's form) is local by definition.
  const socket = parsed.searchParams.get("host");
  const local = parsed.hostname === "" ? socket === null || socket.startsWith("/") : isLoopback(parsed.hostname) && (socket === null || socket.startsWith("/") || isLoopback(socket));
  if (!local) {
    throw new Error(`${setting} points at ${parsed.hostname || socket}, which is not this machine. Tests create and drop databases on that server, so they only run against a local one (localhost, 127.0.0.1, ::1 or a Unix socket).`);
  }
  return url;
}
