import { env } from "@/lib/env";
import { connectOrStartEmbedded } from "./embedded";
import { ensureDatabase, migrate } from "./migrate";

/**
 * The database a command-line tool works on, like `npm run prisma`: DATABASE_URL, else the
 * embedded server (the running app's, or one started for the tool and stopped by `close`),
 * with every migration applied.
 */
export async function openToolDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const settings = env();
  const embedded = settings.DATABASE_URL ? undefined : await connectOrStartEmbedded({ dir: settings.EMBEDDED_PG_DIR });
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
