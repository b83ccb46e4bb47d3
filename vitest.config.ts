import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Next.js resolves this marker module; under plain Node it would throw on import.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{lib,app,components,prisma}/**/*.test.{ts,tsx}"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/per-file-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only queue on them, and each holds a database connection pool.
    maxWorkers: 2,
    passWithNoTests: false,
  },
});
