import { defineConfig } from "prisma/config";

// The CLI is run through `npm run prisma -- ...` (prisma/cli.mjs), which supplies
// DATABASE_URL (the embedded PostgreSQL when none is set) and the download-free schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
