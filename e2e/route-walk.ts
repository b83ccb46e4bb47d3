import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every route of the app, found by walking app/ the way Next.js does, so that a route added
 * later is in the walk without anyone listing it.
 */
export interface WalkedRoute {
  file: string;
  kind: "page" | "api";
  url: string;
  methods: string[];
}

/**
 * The only routes open without a session. Adding one here is a decision to review: every
 * other page and API route must refuse an anonymous request (e2e/route-walk.spec.ts and
 * app/routes.test.ts prove it).
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  "app/(auth)/login/page.tsx": "the sign-in page",
  "app/api/auth/[...nextauth]/route.ts": "next-auth's sign-in flow (its own CSRF token guards its POSTs)",
  "app/api/health/route.ts": "the health check: answers { ok: true } and nothing else",
  "app/api/state/route.ts": "the archive's state for monitors: warnings in words (sync failing, days about to leave Asana unverified), no event data",
};

/** A sample value for each dynamic segment: numeric, since Asana gids are. */
const SAMPLE = "1200000000000001";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : walk(full);
    return /^(page|route)\.(tsx?|jsx?)$/.test(entry.name) ? [full] : [];
  });
}

export function urlFor(file: string, appDir = "app"): string | undefined {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter(Boolean);
  const parts: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith("@")) continue; // parallel route slot: not in the URL
    if (/^\(\.+\)/.test(segment)) return undefined; // intercepting route: reached through another
    if (/^\(.*\)$/.test(segment)) continue; // route group
    if (/^\[\[\.\.\..+\]\]$/.test(segment)) continue; // optional catch-all: empty is a match
    if (/^\[\.\.\..+\]$/.test(segment)) parts.push(SAMPLE, "sample");
    else if (/^\[.+\]$/.test(segment)) parts.push(SAMPLE);
    else parts.push(segment);
  }
  return `/${parts.join("/")}`;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The HTTP methods a route file exports, however it exports them. */
export function exportedMethods(source: string): string[] {
  return METHODS.filter((m) =>
    new RegExp(`export\\s+(const|let|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b(as\\s+)?${m}\\b[^}]*\\}`).test(source),
  );
}

export function walkRoutes(root = process.cwd()): WalkedRoute[] {
  const appDir = path.join(root, "app");
  return walk(appDir)
    .map((full) => {
      const file = path.relative(root, full);
      const url = urlFor(full, appDir);
      if (!url) return undefined;
      const kind = path.basename(full).startsWith("route.") ? ("api" as const) : ("page" as const);
      return { file, kind, url, methods: kind === "api" ? exportedMethods(readFileSync(full, "utf8")) : ["GET"] };
    })
    .filter((r): r is WalkedRoute => r !== undefined)
    .sort((a, b) => a.file.localeCompare(b.file));
}
