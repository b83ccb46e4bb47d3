import { isIP } from "node:net";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** An address as the app stores it: valid, without a zone, IPv4-mapped IPv6 as plain IPv4. */
export function canonicalAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const bare = raw.trim().replace(/%.*$/, "");
  const address = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1] ?? bare;
  return isIP(address) ? address.toLowerCase() : undefined;
}

/**
 * The client's address, or undefined. The app's HTTP server (lib/server/request-gate.ts)
 * resolves it from the socket and TRUSTED_PROXY_HOPS and leaves it as the one entry of
 * X-Forwarded-For, whatever the client sent. Read anywhere else (a bare `next start`), the
 * last entry is the nearest hop's; anything but a valid address counts as none.
 */
export function clientAddress(source: HeaderSource): string | undefined {
  const entries = (header(source, "x-forwarded-for") ?? "").split(",");
  return canonicalAddress(entries[entries.length - 1]);
}

export function userAgentOf(source: HeaderSource): string | undefined {
  return header(source, "user-agent")?.slice(0, 500);
}
