import { createHash } from "node:crypto";
import { dbPool } from "@/lib/db/client";
import { GENESIS } from "./digest";

/**
 * Sealed days as one NDJSON file that an auditor checks with sha256sum and jq alone (README,
 * "Checking an audit export"): a line per event, `{"day","gid","raw"}` with `raw` the event's
 * original JSON as a string, day by day and within a day in gid order (the digest's order);
 * then one last line, `{"manifest": …}`: the workspace, the days asked for, each sealed day's
 * event count, digest, chain and the previous chain, and whether what was exported still
 * hashes to the seal (a day the sync stored late events into since it was sealed does not,
 * until verify seals it again, and says so).
 */
export interface ManifestDay {
  day: string;
  events: number;
  digest: string;
  previous: string;
  chain: string;
  /** SHA-256 of the day's lines as exported; equal to `digest` unless the day changed since it was sealed. */
  exported: string;
  matches: boolean;
  note?: string;
}

export interface Manifest {
  workspace: string;
  from: string;
  to: string;
  generatedAt: string;
  days: ManifestDay[];
  /** Days in the range that are not sealed, so not in the file. */
  unsealed: string[];
  head: { day: string; chain: string } | null;
}

const FETCH = 2_000;
const encoder = new TextEncoder();

interface SealRow {
  day: string;
  digest: string;
  chain: string;
  late_stored: number;
}

/** The file's lines, day by day, then the manifest: read from one snapshot, a batch at a time. */
async function* exportLines(workspaceGid: string, from: string, to: string, counted: { events: number }): AsyncGenerator<string> {
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    const { rows: seals } = await client.query<SealRow>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, digest, chain, late_stored FROM coverage_day
       WHERE workspace_gid = $1 AND digest IS NOT NULL AND day BETWEEN $2::date AND $3::date ORDER BY day`,
      [workspaceGid, from, to],
    );
    const { rows: before } = await client.query<{ chain: string }>(
      "SELECT chain FROM coverage_day WHERE workspace_gid = $1 AND digest IS NOT NULL AND day < $2::date ORDER BY day DESC LIMIT 1",
      [workspaceGid, from],
    );
    let previous = before[0]?.chain ?? GENESIS;
    const days: ManifestDay[] = [];
    for (const seal of seals) {
      const hash = createHash("sha256");
      let count = 0;
      await client.query(
        `DECLARE day_lines NO SCROLL CURSOR FOR SELECT gid, raw FROM audit_event
         WHERE workspace_gid = $1 AND created_at >= $2::date AT TIME ZONE 'UTC' AND created_at < ($2::date + 1) AT TIME ZONE 'UTC'
         ORDER BY gid COLLATE "C"`,
        [workspaceGid, seal.day],
      );
      for (;;) {
        const { rows } = await client.query<{ gid: string; raw: string }>(`FETCH ${FETCH} FROM day_lines`);
        let chunk = "";
        for (const row of rows) {
          hash.update(row.raw, "utf8").update("\n");
          chunk += `${JSON.stringify({ day: seal.day, gid: row.gid, raw: row.raw })}\n`;
        }
        count += rows.length;
        counted.events += rows.length;
        if (chunk) yield chunk;
        if (rows.length < FETCH) break;
      }
      await client.query("CLOSE day_lines");
      const exported = hash.digest("hex");
      const matches = exported === seal.digest;
      const note = seal.late_stored > 0 ? `${seal.late_stored} event(s) were stored late since the day was sealed; verify seals it again` : "the day's events changed since it was sealed";
      days.push({ day: seal.day, events: count, digest: seal.digest, previous, chain: seal.chain, exported, matches, ...(matches ? {} : { note }) });
      previous = seal.chain;
    }
    await client.query("COMMIT");
    const sealed = new Set(days.map((d) => d.day));
    const unsealed: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && unsealed.length < 100_000; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (!sealed.has(day)) unsealed.push(day);
    }
    const last = days.at(-1);
    const manifest: Manifest = { workspace: workspaceGid, from, to, generatedAt: new Date().toISOString(), days, unsealed, head: last ? { day: last.day, chain: last.chain } : null };
    yield `${JSON.stringify({ manifest })}\n`;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The export as a stream that reads the next batch only when the reader wants it, so memory
 * stays at a batch however many days it covers. `onEnd` hears how many events were written
 * and whether the file is complete (the manifest written last).
 */
export function auditExport(workspaceGid: string, from: string, to: string, onEnd?: (events: number, completed: boolean) => void): ReadableStream<Uint8Array> {
  const counted = { events: 0 };
  const lines = exportLines(workspaceGid, from, to, counted);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) {
          controller.close();
          onEnd?.(counted.events, true);
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onEnd?.(counted.events, false);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
      onEnd?.(counted.events, false);
    },
  });
}
