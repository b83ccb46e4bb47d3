# The dashboard's image: built from this repository, run next to a PostgreSQL of your own
# (compose.yaml). Three stages: install the dependencies, build (Next.js' standalone output
# plus the bundled launcher and server: lib/server/bundle-standalone.ts), and a runtime that
# holds only what the standalone server needs, run as a user without privileges.
#
# The base is an argument, so that a mirror or a hardened Node image can stand in:
#   docker build --build-arg NODE_IMAGE=registry.example.com/node:20-bookworm-slim .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS install
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
# Only what `npm ci` reads (its postinstall generates the Prisma client from prisma/), so that
# this layer is reused until the dependencies change.
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
# npm 10 can end "Exit handler never called" with code 0 and half the packages (a registry it
# cannot reach, a TLS proxy it does not trust): fail here rather than in the build.
RUN npm ci --no-audit --no-fund && test -x node_modules/.bin/next && test -d lib/generated/prisma

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
COPY --from=install /src/node_modules ./node_modules
COPY --from=install /src/lib/generated ./lib/generated
RUN NODE_ENV=production npm run build:standalone

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# The launcher migrates, starts the demo's emulator when no ASANA_TOKEN is set, and runs the
# server (with its request gate) in front of Next.js, as `npm start` does. DATABASE_URL is
# required: the image carries no embedded PostgreSQL.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    LOG_FORMAT=json \
    EMBEDDED_PG_DIR=/app/.data/postgres
RUN groupadd --system --gid 10001 audit \
 && useradd --system --uid 10001 --gid audit --home-dir /app --no-create-home --shell /usr/sbin/nologin audit \
 && mkdir -p /app/.data \
 && chown audit:audit /app/.data
# Owned by root and read-only to the app: only .data (the demo's organisation and session
# secret; a volume in compose.yaml) is written.
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/prisma/migrations ./prisma/migrations
USER audit
EXPOSE 3000
STOPSIGNAL SIGTERM
# Liveness and database reachability (GET /api/health), with Node itself: the image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/launch.mjs", "start"]
