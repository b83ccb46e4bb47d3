import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { log, type Logger } from "@/lib/log";
import { badRequest, HttpError, type ErrorBody } from "./errors";

/**
 * The one wrapper every route handler goes through: request id, structured logging, input
 * parsing and the mapping of errors to answers with one body shape. Authentication is
 * added here too, so a route cannot forget it.
 */
export interface RouteContext<P> {
  request: NextRequest;
  params: P;
  requestId: string;
  logger: Logger;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | unknown>;

export function route<P = Record<string, string>>(name: string, handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const logger = log.child({ route: name, requestId });
    const started = performance.now();
    try {
      const params = (await context?.params) ?? ({} as P);
      const result = await handler({ request, params, requestId, logger });
      const response = result instanceof Response ? result : NextResponse.json(result);
      response.headers.set("x-request-id", requestId);
      logger.debug({ status: response.status, ms: Math.round(performance.now() - started) }, "request served");
      return response;
    } catch (error) {
      return errorResponse(error, requestId, logger);
    }
  };
}

export function errorResponse(error: unknown, requestId: string, logger: Logger): Response {
  const known = error instanceof HttpError ? error : undefined;
  if (!known) logger.error({ err: error }, "unexpected error in route");
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

/** Reads a JSON body, answering 400 (not 500) when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw badRequest("The request body must be valid JSON.");
  }
}
