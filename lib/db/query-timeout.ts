import pg from "pg";

/**
 * Whether PostgreSQL cancelled a statement for running past its statement_timeout (57014):
 * raised by pg directly, or by Prisma around its driver adapter's error.
 */
export function isQueryTimeout(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return error.code === "57014";
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } } })?.meta?.driverAdapterError?.cause;
  return cause?.code === "57014" || cause?.originalCode === "57014";
}
