import pg from "pg";
import { AsanaApiError, AsanaTransportError, explainAsanaError } from "@/lib/asana/errors";
import { storableText } from "@/lib/db/storable-text";

/**
 * A run's failure: the first stream's error, which stopped the others. A stream stopped by
 * that (its request aborted) is counted, not blamed.
 */
export class RunFailedError extends Error {
  constructor(
    readonly cause: unknown,
    readonly streamsStopped: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "RunFailedError";
  }
}

export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown })?.name === "AbortError";
}

/** Why a run failed, in words an admin can act on (shown on the sync page). */
export function explainSyncError(error: unknown): string {
  if (error instanceof RunFailedError) {
    const others = error.streamsStopped > 0 ? ` ${error.streamsStopped} other stream(s) of this run stopped because of it.` : "";
    return `${explainSyncError(error.cause)}${others}`;
  }
  return storableText(explainOne(error), 2_000);
}

function explainOne(error: unknown): string {
  if (error instanceof AsanaApiError || error instanceof AsanaTransportError) return explainAsanaError(error);
  if (isAbortError(error)) return "The run was stopped before it finished (the server is shutting down, or the run was cancelled). Nothing was lost: the next run goes on from the last committed page.";
  const name = (error as { name?: string })?.name ?? "";
  if (error instanceof pg.DatabaseError || name.startsWith("PrismaClient") || name === "DriverAdapterError") {
    // Prisma's messages span several lines of context; the last one says what happened.
    const line = String((error as Error).message).split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
    return `The database refused or timed out a write (${line}). Nothing was lost: the next run goes on from the last committed page.`;
  }
  return error instanceof Error ? error.message : String(error);
}
