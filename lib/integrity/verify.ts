import type pg from "pg";
import { dbPool } from "@/lib/db/client";
import { chainLink, digestDay, GENESIS } from "./digest";
import { sealDay } from "./seal";

/**
 * Recomputes every sealed day and names those whose events were changed, added or removed
 * since they were sealed. Events the sync itself stored into a sealed day (Asana making them
 * visible late) are counted as it stores them (coverage_day.late_stored): a day whose only
 * difference is exactly those is sealed again, with that reason. Anything else is an
 * alteration, kept on the day (state "altered") until someone looks into it.
 */
export interface DayCheck {
  workspaceGid: string;
  day: string;
  outcome: "intact" | "resealed" | "altered";
  /** Events now, and when sealed (plus the ones the sync stored since). */
  events: number;
  sealedEvents: number;
  lateStored: number;
}

export interface VerifyReport {
  days: number;
  events: number;
  ms: number;
  altered: DayCheck[];
  resealed: DayCheck[];
  /** Days whose stored chain does not follow from the digests (the seals themselves were edited). */
  brokenChain: Array<{ workspaceGid: string; day: string }>;
  heads: Array<{ workspaceGid: string; day: string; chain: string }>;
}

interface SealedRow {
  workspace_gid: string;
  day: string;
  digest: string;
  chain: string;
  sealed_count: number;
  late_stored: number;
}

export async function checkDay(client: pg.PoolClient, row: Pick<SealedRow, "workspace_gid" | "day"> & Partial<SealedRow>): Promise<DayCheck> {
  // One snapshot for the day's events and its late count: a write landing meanwhile is in both or neither.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await client.query("SET LOCAL statement_timeout = 0");
    const { rows } = await client.query<{ digest: string; sealed_count: number; late_stored: number }>(
      "SELECT digest, sealed_count, late_stored FROM coverage_day WHERE workspace_gid = $1 AND day = $2::date",
      [row.workspace_gid, row.day],
    );
    const seal = rows[0];
    if (!seal?.digest) throw new Error(`${row.day} is not sealed.`);
    const now = await digestDay(client, row.workspace_gid, row.day);
    const check: DayCheck = { workspaceGid: row.workspace_gid, day: row.day, outcome: "intact", events: now.events, sealedEvents: seal.sealed_count, lateStored: seal.late_stored };
    if (now.digest !== seal.digest) {
      const explained = seal.late_stored > 0 && now.events === seal.sealed_count + seal.late_stored;
      check.outcome = explained ? "resealed" : "altered";
    }
    return check;
  } finally {
    await client.query("COMMIT").catch(() => undefined);
  }
}

export async function verifyArchive(options: { parallel?: number; onDay?: (check: DayCheck) => void } = {}): Promise<VerifyReport> {
  const started = performance.now();
  const { rows } = await dbPool().query<SealedRow>(
    `SELECT workspace_gid, to_char(day, 'YYYY-MM-DD') AS day, digest, chain, sealed_count, late_stored
     FROM coverage_day WHERE digest IS NOT NULL ORDER BY sealed_count DESC, workspace_gid, day`,
  );
  // Largest days first: the workers then finish together instead of one waiting on the last big day.
  const checks: DayCheck[] = [];
  let next = 0;
  const worker = async () => {
    const client = await dbPool().connect();
    try {
      for (let i = next++; i < rows.length; i = next++) {
        const check = await checkDay(client, rows[i]!);
        checks.push(check);
        options.onDay?.(check);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 2) }, worker));

  for (const check of checks.filter((c) => c.outcome === "resealed")) {
    await sealDay(check.workspaceGid, check.day, `${check.lateStored} event(s) stored by the sync after the day was sealed (Asana made them visible late)`);
  }
  const altered = checks.filter((c) => c.outcome === "altered").sort((a, b) => a.workspaceGid.localeCompare(b.workspaceGid) || a.day.localeCompare(b.day));
  for (const check of altered) await markAltered(check);
  const { brokenChain, heads } = await checkChains();
  return { days: rows.length, events: checks.reduce((a, c) => a + c.events, 0), ms: Math.round(performance.now() - started), altered, resealed: checks.filter((c) => c.outcome === "resealed"), brokenChain, heads };
}

/** Follows each workspace's chain from its digests and compares it with the chains stored. */
async function checkChains() {
  const { rows } = await dbPool().query<{ workspace_gid: string; day: string; digest: string; chain: string }>(
    "SELECT workspace_gid, to_char(day, 'YYYY-MM-DD') AS day, digest, chain FROM coverage_day WHERE digest IS NOT NULL ORDER BY workspace_gid, day",
  );
  const brokenChain: Array<{ workspaceGid: string; day: string }> = [];
  const heads = new Map<string, { workspaceGid: string; day: string; chain: string }>();
  let workspace = "";
  let previous = GENESIS;
  for (const row of rows) {
    if (row.workspace_gid !== workspace) {
      workspace = row.workspace_gid;
      previous = GENESIS;
    }
    previous = chainLink(previous, row.day, row.digest);
    if (previous !== row.chain) brokenChain.push({ workspaceGid: row.workspace_gid, day: row.day });
    heads.set(row.workspace_gid, { workspaceGid: row.workspace_gid, day: row.day, chain: row.chain });
  }
  return { brokenChain, heads: [...heads.values()] };
}

/** Keeps an alteration on the day, for the coverage calendar and the warnings, until someone looks into it. */
export async function markAltered(check: DayCheck): Promise<void> {
  await dbPool().query("UPDATE coverage_day SET state = 'altered', error = $3 WHERE workspace_gid = $1 AND day = $2::date", [
    check.workspaceGid,
    check.day,
    `Its events were changed, added or removed since it was sealed (${check.events} now, ${check.sealedEvents} when sealed${check.lateStored ? `, ${check.lateStored} stored late since` : ""}).`,
  ]);
}
