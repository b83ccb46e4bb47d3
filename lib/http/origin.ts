import { appUrl } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const changesState = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/**
 * The origin the request was addressed to, as the browser saw it (through proxies too): the
 * app's server sets the forwarded headers from the request or a trusted proxy.
 */
export function addressedOrigin(headers: Headers): string | undefined {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return undefined;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

/**
 * A browser request sent by another site (the CSRF case). Browsers say where a request
 * comes from in Sec-Fetch-Site, or else in Origin; a request with neither is not from a
 * browser page and carries no one's cookies by accident.
 */
export function isCrossSite(headers: Headers, allowedOrigin = new URL(appUrl()).origin): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  return origin !== allowedOrigin && origin !== addressedOrigin(headers);
}
