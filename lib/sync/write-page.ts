import pg from "pg";
import { checkEvent, type AuditLogEvent } from "@/lib/asana/schemas";
import { dataElements } from "./json-text";
import { SAFE_GID, sanitizeRecord, storableDate, storableIpText } from "./sanitize-record";
import { insertEventPage, insertEventRecords, type QuarantineRecord, type RecordToStore, type Tx } from "./store";

/**
 * How a fetched page is written, so that no record can block its stream:
 * 1. Records that are not events (checkEvent) are quarantined with the reason.
 * 2. A page whose text and records show nothing PostgreSQL would refuse goes in as one
 *    statement over Asana's text (the fast path: almost every page).
 * 3. Otherwise, or when PostgreSQL refuses the fast path for a reason tied to the data, the
 *    page is cut into its records' exact texts, each rewritten where needed
 *    (sanitize-record.ts), and stored; a set PostgreSQL still refuses is split in halves,
 *    each under a savepoint, until the refused records stand alone, and those are
 *    quarantined with PostgreSQL's message. The rest is stored and the cursor moves on.
 * Failures that are not about the data (connection, disk, deadlock, timeout) are thrown: the
 * transaction rolls back and the page is fetched again.
 */
export interface CheckedPage {
  /** 0-based positions in `data` of records that are not events, with the reason. */
  rejected: Array<{ index: number; reason: string }>;
  /** Whether the fast path can be tried. */
  plain: boolean;
  /** Newest created_at among the valid events, ISO, no later than the fetch: for the stream's watermark. */
  newest: string | null;
}

/**
 * Escapes and literals that PostgreSQL's jsonb refuses: \u0000, any surrogate escape (paired
 * ones are fine but rare, so they are checked precisely later), an exponent of four digits or
 * more, and very long digit runs. A match sends the page down the careful path; a false
 * match only costs that page a little time.
 */
const HAZARD = /\\u0000|\\u[dD][89a-fA-F]|\d[eE][+-]?\d{4}|\d{2500}/;

/** Values of indexed columns up to these lengths are stored as they come (sanitize-record.ts cuts longer ones). */
const PLAIN_KEY_LENGTH = 120;
const PLAIN_EMAIL_LENGTH = 320;
const PLAIN_APP_LENGTH = 300;
const YEAR_ONE_MS = Date.parse("0001-01-01T00:00:00.000Z");

function isPlain(e: AuditLogEvent): boolean {
  if (!SAFE_GID.test(e.gid)) return false;
  const keys = [e.event_type, e.event_category, e.actor.actor_type, e.actor.gid, e.resource?.resource_type, e.resource?.gid, e.context?.context_type, e.context?.api_authentication_method];
  if (keys.some((k) => typeof k === "string" && k.length > PLAIN_KEY_LENGTH)) return false;
  if ((e.actor.email?.length ?? 0) > PLAIN_EMAIL_LENGTH || (e.context?.oauth_app_name?.length ?? 0) > PLAIN_APP_LENGTH) return false;
  const ip = e.context?.client_ip_address;
  if (typeof ip === "string" && ip !== "" && !storableIpText(ip)) return false;
  return storableDate(e.created_at);
}

/** One pass over the page's records: what to quarantine, whether the fast path applies, the newest time. */
export function checkPage(data: readonly unknown[], text: string, fetchedAt: Date): CheckedPage {
  const page: CheckedPage = { rejected: [], plain: !HAZARD.test(text), newest: null };
  let newest = Number.NEGATIVE_INFINITY;
  data.forEach((record, index) => {
    const checked = checkEvent(record);
    if (!checked.ok) {
      page.rejected.push({ index, reason: checked.reason });
      return;
    }
    if (page.plain && !isPlain(checked.event)) page.plain = false;
    newest = Math.max(newest, Date.parse(checked.event.created_at));
  });
  // A record dated 2099 must not move the point where polling restarts past every real
  // event, nor one dated year 0 below what PostgreSQL can compare.
  if (Number.isFinite(newest)) page.newest = new Date(Math.min(Math.max(newest, YEAR_ONE_MS), fetchedAt.getTime())).toISOString();
  return page;
}

/** Whether PostgreSQL refused a statement because of the values in it, rather than its own state. */
export function isDataError(error: unknown): error is pg.DatabaseError {
  if (!(error instanceof pg.DatabaseError) || typeof error.code !== "string") return false;
  // 22: data exception (encoding, range, syntax of a value); 23: integrity; 54: program
  // limit exceeded (a btree entry too large, JSON nested past the stack).
  return /^(22|23|54)/.test(error.code);
}

function refusal(error: pg.DatabaseError): string {
  return `PostgreSQL refused to store it: ${error.message}${error.detail ? ` (${error.detail})` : ""}`;
}

export interface WrittenPage {
  inserted: number;
  /** Records kept aside: not events, or refused by PostgreSQL. */
  quarantine: QuarantineRecord[];
}

/** Each record's exact text: cut from the page, or (should that fail) written anew from the parsed record. */
export function recordTexts(text: string, data: readonly unknown[]): string[] {
  let elements: string[] | null = null;
  try {
    elements = dataElements(text);
  } catch {
    elements = null;
  }
  if (elements && elements.length === data.length) return elements;
  return data.map((record) => {
    try {
      return JSON.stringify(record) ?? "null";
    } catch {
      return '"(this record could not be written as JSON again)"';
    }
  });
}

export async function writePageFast(tx: Tx, workspaceGid: string, text: string, data: readonly unknown[], checked: CheckedPage): Promise<WrittenPage> {
  const skip = checked.rejected.map((r) => r.index + 1);
  const inserted = skip.length === data.length ? 0 : await insertEventPage(tx, { workspaceGid, text, skip });
  if (checked.rejected.length === 0) return { inserted, quarantine: [] };
  const texts = recordTexts(text, data);
  return { inserted, quarantine: checked.rejected.map((r) => ({ text: texts[r.index]!, reason: r.reason })) };
}

export async function writePageCarefully(tx: Tx, workspaceGid: string, text: string, data: readonly unknown[], checked: CheckedPage): Promise<WrittenPage> {
  const texts = recordTexts(text, data);
  const rejected = new Map(checked.rejected.map((r) => [r.index, r.reason]));
  const quarantine: QuarantineRecord[] = [];
  const events = texts.filter((raw, index) => {
    const reason = rejected.get(index);
    if (reason !== undefined) quarantine.push({ text: raw, reason });
    return reason === undefined;
  });
  const written = await writeRecordTexts(tx, workspaceGid, events);
  return { inserted: written.inserted, quarantine: [...quarantine, ...written.quarantine] };
}

/** Stores events given as their exact texts, each made storable (sanitize-record.ts); refusals are quarantined. */
export async function writeRecordTexts(tx: Tx, workspaceGid: string, texts: readonly string[]): Promise<WrittenPage> {
  const quarantine: QuarantineRecord[] = [];
  const records: RecordToStore[] = [];
  for (const raw of texts) {
    try {
      records.push({ raw, ...sanitizeRecord(raw) });
    } catch (error) {
      quarantine.push({ text: raw, reason: `The record could not be read for storage: ${(error as Error).message}` });
    }
  }
  const inserted = await insertIsolating(tx, workspaceGid, records, quarantine);
  return { inserted, quarantine };
}

/** Stores the records; a set PostgreSQL refuses for its data is halved until the refused ones stand alone. */
async function insertIsolating(tx: Tx, workspaceGid: string, records: readonly RecordToStore[], refused: QuarantineRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  await tx.query("SAVEPOINT store_records");
  try {
    const inserted = await insertEventRecords(tx, workspaceGid, records);
    await tx.query("RELEASE SAVEPOINT store_records");
    return inserted;
  } catch (error) {
    await tx.query("ROLLBACK TO SAVEPOINT store_records; RELEASE SAVEPOINT store_records");
    if (!isDataError(error)) throw error;
    if (records.length === 1) {
      refused.push({ text: records[0]!.raw, reason: refusal(error) });
      return 0;
    }
    const half = Math.ceil(records.length / 2);
    return (await insertIsolating(tx, workspaceGid, records.slice(0, half), refused)) + (await insertIsolating(tx, workspaceGid, records.slice(half), refused));
  }
}
