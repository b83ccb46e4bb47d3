import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The conventions of this code base, as rules (README, "Map of the code"). Each says why.
 * `npm run lint` runs it; `npm test` runs that first.
 */

// Tooling: command lines, benchmarks, test set-up and configuration files, which run outside
// the app and may read the environment and print.
const TOOLING = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "e2e/**",
  "lib/testing/**",
  "**/bench.ts",
  "**/bench-kit.ts",
  "**/cli.ts",
  "lib/server/launch.ts",
  "lib/asana/emulator/cli.ts",
  "prisma/**",
  "*.config.{js,mjs,ts}",
  "next.config.js",
  "instrumentation.ts",
];

// Next.js, React and the browser's data layer: what the sync, the Asana client, the rules
// engine and the integrity checks must run without (a command line, a worker, a test).
const UI_RUNTIME = ["next", "next/*", "react", "react-dom", "react/*", "@tanstack/*", "nuqs", "nuqs/*", "next-auth", "next-auth/*"];

// A page's own components: no other feature imports them, so features never depend on each
// other in a circle; what two need lives where both reach it (components/ui, filters, links,
// timeline, charts; lib/events/filter-ops.ts). import/no-cycle says the same at 80% of the
// lint's time (two minutes); this says it in milliseconds.
const PAGE_FEATURES = ["actors", "audit", "auth", "events", "overview", "resources", "saved", "status", "sync", "shell", "charts", "filters", "links", "timeline", "ui"];
const LEAVES = ["actors", "audit", "auth", "overview", "resources"];

function componentImports(feature) {
  return {
    patterns: [
      { group: ["@/app/*", "**/app/*"], message: "components/ never imports from app/ (routes only)." },
      ...LEAVES.filter((leaf) => leaf !== feature).map((leaf) => ({ group: [`@/components/${leaf}/*`], message: `components/${leaf} is one page's UI; move what ${feature} needs from it to a shared folder.` })),
    ],
    // A mutation is named once, beside its query keys, so every caller refreshes the same data.
    paths: [{ name: "@tanstack/react-query", importNames: ["useMutation"], message: "Use the feature's named mutation hook from its query.ts (e.g. useCreateSavedQuery)." }],
  };
}

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".data/**", ".scratch/**"]),
  {
    // Type-aware rules: the type checker knows which calls return promises.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits fails silently: await it, return it, or mark it `void` on purpose.
      "@typescript-eslint/no-floating-promises": "error",
      // `if (promise)` and `onClick={async …}` that nobody awaits are the same mistake.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    rules: {
      // Settings are read, validated and documented in one place (lib/env.ts), so that a
      // wrong value stops the start with a clear message instead of surfacing at 3 a.m.
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read settings through lib/env.ts (the one settings module)." },
      ],
      // The app logs through lib/log.ts (structured, redacted); the console bypasses both.
      "no-console": "error",
    },
  },
  {
    // Tests poke at arbitrary upstream JSON (hostile records above all), which has no type.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/test-support.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Playwright's fixtures take a `use` callback that is not React's use().
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Prisma's offline schema engine loader is plain Node, not a Next.js module.
    files: ["prisma/**"],
    rules: { "@next/next/no-assign-module-variable": "off" },
  },
  {
    files: ["lib/env.ts", ...TOOLING],
    rules: { "no-restricted-syntax": "off", "no-console": "off" },
  },
  {
    // Routes depend on the domain, never the other way round: app/ holds routes only.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "**/app/*"], message: "lib/ never imports from app/ (routes only)." }] }],
    },
  },
  ...PAGE_FEATURES.map((feature) => ({
    files: [`components/${feature}/**`],
    ignores: ["components/**/query.ts"],
    rules: { "no-restricted-imports": ["error", componentImports(feature)] },
  })),
  {
    files: ["components/**"],
    rules: {
      // The browser calls the app's API one way: errors read, abort signals passed.
      "no-restricted-globals": ["error", { name: "fetch", message: "Call the API through fetchJson (lib/query/query-client.ts), from the feature's query.ts." }],
    },
  },
  {
    // The sync, the Asana client, the integrity checks and the detections engine run from a
    // command line and a scheduler as well as inside the server; they hold no UI. The location
    // lookups (lib/geo) run inside the sync.
    files: ["lib/sync/**", "lib/asana/**", "lib/integrity/**", "lib/detections/**", "lib/geo/**"],
    ignores: TOOLING,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "**/app/*"], message: "lib/ never imports from app/ (routes only)." },
            { group: UI_RUNTIME, message: "The sync, the Asana client, the integrity checks, the detections engine and the location lookups run without Next.js, React or TanStack Query." },
            { group: ["@/components/*"], message: "The sync, the Asana client, the integrity checks, the detections engine and the location lookups hold no UI." },
          ],
        },
      ],
    },
  },
]);
