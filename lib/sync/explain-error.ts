import { AsanaApiError, AsanaTransportError, explainAsanaError } from "@/lib/asana/errors";

/** Why a run failed, in words an admin can act on (shown on the sync page). */
export function explainSyncError(error: unknown): string {
  if (error instanceof AsanaApiError || error instanceof AsanaTransportError) return explainAsanaError(error);
  const name = (error as { name?: string })?.name ?? "";
  if (name.startsWith("PrismaClient") || (error as { code?: string })?.code !== undefined) {
    // Prisma's messages span several lines of context; the last one says what happened.
    const line = String((error as Error).message).split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
    return `The database refused or timed out a write (${line}). Nothing was lost: the next run goes on from the last committed page.`;
  }
  return error instanceof Error ? error.message : String(error);
}
