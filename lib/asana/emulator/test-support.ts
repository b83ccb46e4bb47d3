/**
 * Shared by the emulator's conformance tests: the referee (Asana's official npm client), the
 * OpenAPI validator, and a raw HTTP helper that validates every answer it sees.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import type * as AsanaModule from "asana";

type AsanaLib = typeof AsanaModule;

const requireCjs = createRequire(import.meta.url);
/** The official client, loaded the way its README shows (`require('asana')`). */
export const Asana: AsanaLib = requireCjs("asana") as AsanaLib;

export interface AuditLogApi {
  getAuditLogEvents(workspaceGid: string, opts?: Record<string, unknown>): Promise<ClientCollection>;
}

/** What the client's getAuditLogEvents resolves to (RETURN_COLLECTION is on by default). */
export interface ClientCollection {
  data: Array<Record<string, unknown>>;
  _response: { data: unknown[]; next_page: { offset: string; path: string; uri: string } | null };
  nextPage(): Promise<ClientCollection | { data: null }>;
}

/** A superagent error, as the client rejects with it. */
export interface ClientError extends Error {
  status?: number;
  code?: string;
  response?: { status: number; body: unknown; headers: Record<string, string> };
}

export function asanaClient(apiBase: string, token: string): AuditLogApi {
  const client = new Asana.ApiClient();
  client.basePath = apiBase;
  client.authentications.token.accessToken = token;
  client.timeout = 10_000;
  return new Asana.AuditLogAPIApi(client) as unknown as AuditLogApi;
}

export async function clientError(p: Promise<unknown>): Promise<ClientError> {
  try {
    await p;
  } catch (err) {
    return err as ClientError;
  }
  throw new Error("expected the client to reject");
}

/** Every page of a query through the client's own nextPage(), which stops at the first empty page. */
export async function readAllWithClient(api: AuditLogApi, workspaceGid: string, opts: Record<string, unknown> = {}) {
  const pages: ClientCollection[] = [];
  let page: ClientCollection | { data: null } = await api.getAuditLogEvents(workspaceGid, { ...opts });
  while (page.data !== null) {
    const collection = page as ClientCollection;
    pages.push(collection);
    page = await collection.nextPage();
  }
  return { pages, events: pages.flatMap((p) => p.data) };
}

// ---- OpenAPI validation -------------------------------------------------------------------------

const doc = parse(readFileSync(new URL("./audit-log-openapi.yaml", import.meta.url), "utf8")) as {
  components: Record<string, unknown>;
  paths: Record<string, { get: { responses: Record<string, Record<string, unknown>> } }>;
};
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The spec's own $refs ("#/components/...") are resolved against a schema holding its components.
ajv.addSchema({ $id: "asana-openapi", components: doc.components });
const rebase = <T>(schema: T): T =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"asana-openapi#/components/')) as T;

const responses = doc.paths["/workspaces/{workspace_gid}/audit_log_events"]!.get.responses;
const success = rebase(
  (responses["200"] as { content: { "application/json": { schema: object } } }).content["application/json"].schema,
);
const validators = new Map<string, ValidateFunction>();
function validatorFor(status: number): ValidateFunction {
  const key = status === 200 ? "200" : "error";
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(status === 200 ? success : { $ref: "asana-openapi#/components/schemas/ErrorResponse" });
    validators.set(key, v);
  }
  return v;
}

export const validateEvent: ValidateFunction = ajv.compile({ $ref: "asana-openapi#/components/schemas/AuditLogEvent" });

/**
 * Validates a response body against the endpoint's OpenAPI description: the 200 schema, or the
 * ErrorResponse every error status refers to (also used for 429/502/503/504, which the spec's
 * endpoint does not list but Asana answers with the same shape).
 */
export function schemaErrors(status: number, body: unknown): string | null {
  const v = validatorFor(status);
  if (v(body)) return null;
  return ajv.errorsText(v.errors);
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { data?: Array<Record<string, unknown>>; next_page?: any; errors?: any[] };
}

/** GET with fetch; throws if the answer does not match the spec (unless told not to check). */
export async function call(url: string, token?: string, validate = true): Promise<RawAnswer> {
  const res = await fetch(url, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  const body = JSON.parse(text) as RawAnswer["body"];
  const problem = validate ? schemaErrors(res.status, body) : null;
  if (problem) throw new Error(`status ${res.status} answer breaks the spec: ${problem}`);
  if (res.status !== 200 && res.status !== 500 && body.errors?.some((e: { phrase?: string }) => e.phrase !== undefined)) {
    throw new Error(`phrase outside a 500: ${text}`);
  }
  return { status: res.status, headers: res.headers, body };
}

export function eventsUrl(apiBase: string, workspaceGid: string, query: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return `${apiBase}/workspaces/${workspaceGid}/audit_log_events${qs ? `?${qs}` : ""}`;
}

/** Reads a query to the end with raw HTTP (any page size), validating every page. */
export async function readAllRaw(
  apiBase: string,
  workspaceGid: string,
  token: string,
  query: Record<string, string | number> = {},
  validate = true,
) {
  const events: Array<Record<string, unknown>> = [];
  let pages = 0;
  let offset: string | undefined;
  for (;;) {
    const r = await call(eventsUrl(apiBase, workspaceGid, offset ? { ...query, offset } : query), token, validate);
    if (r.status !== 200) throw new Error(`status ${r.status}: ${JSON.stringify(r.body)}`);
    pages++;
    events.push(...(r.body.data ?? []));
    if (!r.body.next_page) return { events, pages, lastOffset: undefined, nullNextPage: true };
    offset = r.body.next_page.offset as string;
    if ((r.body.data ?? []).length === 0) return { events, pages, lastOffset: offset, nullNextPage: false };
  }
}
