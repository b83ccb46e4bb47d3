import { randomUUID } from "node:crypto";
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { log, type Logger } from "@/lib/log";
import { adminFromCookies, type AdminIdentity } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isQueryTimeout } from "@/lib/db/query-timeout";
import { recordHttpRequest } from "@/lib/metrics/registry";
import { BODY_LIMITS, declaresTooMuch, payloadTooLarge, readBounded } from "./body";
import { DomainError } from "@/lib/errors";
import { badRequest, forbidden, fromDomainError, HttpError, queryTimedOut, unauthorized, type ErrorBody } from "./errors";
import { changesState, isCrossSite } from "./origin";
import { bearerMatches } from "./secret";
import { findUnstorableText } from "./unstorable-text";
import type { ParamSpec, Parsed, SearchContract, ValuesOf } from "@/lib/url/search-contract";

/**
 * The one wrapper every route handler goes through: authentication, the cross-site check,
 * request id, structured logging, input parsing and the mapping of errors to answers with
 * one body shape. Routes are admin-only unless they say otherwise, so a new route cannot
 * forget its guard.
 */
export type RouteAuth =
  /** A signed-in admin (the default). */
  | "admin"
  /** An admin, or a caller presenting the SYNC_SECRET bearer (schedulers, cron). */
  | "admin-or-sync-secret"
  /** Anyone: only the sign-in flow and the health check. */
  | "public"
  /** Only a caller presenting the METRICS_TOKEN bearer (a Prometheus scraper); not even an admin. */
  | "metrics-token";

export interface RouteOptions {
  auth?: RouteAuth;
  /** The largest request body accepted (BODY_LIMITS.json unless said). */
  maxBodyBytes?: number;
}

export type Caller =
  | { kind: "admin"; admin: AdminIdentity }
  | { kind: "sync-secret" }
  | { kind: "metrics-token" }
  | { kind: "anonymous" };

export interface RouteContext<P> {
  request: NextRequest;
  params: P;
  requestId: string;
  logger: Logger;
  caller: Caller;
}

/** The e-mail to record as the actor of an action (null for the sync secret). */
export function actorOf(caller: Caller): string | null {
  return caller.kind === "admin" ? caller.admin.email : null;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | unknown>;

async function authenticate(request: NextRequest, auth: RouteAuth): Promise<Caller> {
  if (auth === "admin-or-sync-secret" && bearerMatches(request.headers.get("authorization"), env().SYNC_SECRET)) return { kind: "sync-secret" };
  if (auth === "metrics-token") {
    if (bearerMatches(request.headers.get("authorization"), env().METRICS_TOKEN)) return { kind: "metrics-token" };
    throw unauthorized(env().METRICS_TOKEN ? "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`." : "Metrics are off: set METRICS_TOKEN on the server and send it as `Authorization: Bearer <METRICS_TOKEN>`.");
  }
  // Public routes never look at the session: they must not behave differently with one.
  if (auth === "public") return { kind: "anonymous" };
  const admin = await adminFromCookies(request.cookies);
  if (admin) return { kind: "admin", admin };
  throw unauthorized();
}

export function route<P = Record<string, string>>(name: string, handler: Handler<P>): RouteHandler<P>;
export function route<P = Record<string, string>>(name: string, options: RouteOptions, handler: Handler<P>): RouteHandler<P>;
export function route<P = Record<string, string>>(name: string, a: RouteOptions | Handler<P>, b?: Handler<P>): RouteHandler<P> {
  const handler = typeof a === "function" ? a : b!;
  const options = typeof a === "function" ? {} : a;
  const auth: RouteAuth = options.auth ?? "admin";
  const maxBodyBytes = options.maxBodyBytes ?? BODY_LIMITS.json;
  return async (incoming: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(incoming.headers);
    const logger = log.child({ route: name, requestId });
    const started = performance.now();
    try {
      if (declaresTooMuch(incoming, maxBodyBytes)) throw payloadTooLarge(maxBodyBytes);
      const caller = await authenticate(incoming, auth);
      if (changesState(incoming.method) && caller.kind !== "sync-secret" && isCrossSite(incoming.headers)) {
        throw forbidden("Cross-site requests are refused: use the dashboard itself.");
      }
      const request = await withBoundedBody(incoming, maxBodyBytes);
      const params = (await context?.params) ?? ({} as P);
      const result = await handler({ request, params, requestId, logger, caller });
      const response = result instanceof Response ? result : NextResponse.json(result);
      response.headers.set("x-request-id", requestId);
      logger.debug({ status: response.status, ms: Math.round(performance.now() - started) }, "request served");
      recordHttpRequest(name, incoming.method, response.status, (performance.now() - started) / 1_000);
      return response;
    } catch (error) {
      const response = errorResponse(error, requestId, logger);
      recordHttpRequest(name, incoming.method, response.status, (performance.now() - started) / 1_000);
      return response;
    }
  };
}

// Echoed into headers, bodies and logs: only a short token of safe characters is taken as is.
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The request with its body read (within the bound) so that handlers never read an unbounded one. */
async function withBoundedBody(request: NextRequest, limit: number): Promise<NextRequest> {
  if (!request.body) return request;
  const body = await readBounded(request, limit);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

export type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

export function errorResponse(error: unknown, requestId: string, logger: Logger): Response {
  const known = error instanceof HttpError ? error : error instanceof DomainError ? fromDomainError(error) : isQueryTimeout(error) ? queryTimedOut(env().QUERY_TIMEOUT) : undefined;
  if (!known) logger.error({ err: error }, "unexpected error in route");
  else if (known.code === "query_timeout") logger.warn({ timeoutMs: env().QUERY_TIMEOUT }, "query stopped at QUERY_TIMEOUT");
  const status = known?.status ?? 500;
  const body: ErrorBody = {
    error: {
      code: known?.code ?? "internal_error",
      message: known?.message ?? "Something went wrong on our side. The error was logged; try again shortly.",
      ...(known?.details !== undefined ? { details: known.details } : {}),
      requestId,
    },
  };
  return NextResponse.json(body, { status, headers: { "x-request-id": requestId } });
}

/** Parses input with a zod schema; a failure is a 400 naming each bad field and why. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "(input)", message: i.message }));
  throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

/** What a view's URL parser read, or a 400 that lists every problem of it. */
export function parsedOr400<T extends object>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed;
  throw badRequest(parsed.errors.map((e) => `${e.param}: ${e.message}`).join("; "), { errors: parsed.errors });
}

/** A view's query string (lib/url/search-contract.ts), or a 400 that lists every problem of it. */
export function parseSearch<S extends Record<string, ParamSpec>>(contract: SearchContract<S>, searchParams: URLSearchParams): ValuesOf<S> {
  return parsedOr400(contract.parse(searchParams)).values;
}

/**
 * Reads a JSON body, answering 400 (not 500) when it is not JSON or holds text PostgreSQL
 * cannot store (./unstorable-text.ts). `empty` is what a request without a body means, where
 * that has a meaning (a scheduler's bare POST).
 */
export async function readJson(request: Request, options: { empty?: unknown } = {}): Promise<unknown> {
  const text = request.body ? await request.text() : "";
  if (text.trim() === "" && options.empty !== undefined) return options.empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw badRequest(options.empty !== undefined ? "The request body must be empty or valid JSON." : "The request body must be valid JSON.");
  }
  const unstorable = findUnstorableText(parsed);
  if (unstorable) throw badRequest(`${unstorable.field}: ${unstorable.message}`, { issues: [unstorable] });
  return parsed;
}
