import { env } from "@/lib/env";
import { ensureDatabase, migrate } from "./migrate";

/**
 * The database a command-line tool works on, like `npm run prisma`: DATABASE_URL, else the
 * embedded server (the running app's, or one started for the tool and stopped by `close`),
 * with every migration applied.
 */
export async function openToolDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const settings = env();
  // Imported only when needed: the container image has no embedded server (DATABASE_URL is set there).
  const embedded = settings.DATABASE_URL ? undefined : await (await import("./embedded")).connectOrStartEmbedded({ dir: settings.EMBEDDED_PG_DIR });
  const url = settings.DATABASE_URL ?? embedded!.url("audit_dashboard");
  try {
    await ensureDatabase(url);
    await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, close: async () => void (await embedded?.stop()) };
}
