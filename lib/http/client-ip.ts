import { env } from "@/lib/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The client's address as far as it can be trusted. Next.js fills X-Forwarded-For with the
 * socket's address only when the request has none, and each reverse proxy appends the
 * address it saw: so with N trusted proxies the client is N entries from the right. With no
 * proxy a client can name itself in the header; the per-e-mail limits do not depend on it.
 */
export function clientAddress(source: HeaderSource, hops = env().TRUSTED_PROXY_HOPS): string | undefined {
  const forwarded = header(source, "x-forwarded-for");
  const entries = (forwarded ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(1, hops)] ?? entries[0] ?? header(source, "x-real-ip");
  // Tidy IPv4-mapped IPv6 so one client reads the same in every log line.
  return entry?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 100);
}

export function userAgentOf(source: HeaderSource): string | undefined {
  return header(source, "user-agent")?.slice(0, 500);
}
