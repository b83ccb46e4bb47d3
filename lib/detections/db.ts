import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A connection inside the engine's transaction (a page's judgement commits or rolls back whole). */
export type Tx = pg.PoolClient;

/** Runs a Prisma.sql fragment on the transaction's connection (pg's $n placeholders). */
export async function run<T extends pg.QueryResultRow>(tx: Tx, query: Prisma.Sql): Promise<T[]> {
  return (await tx.query<T>(query.text, query.values as unknown[])).rows;
}
