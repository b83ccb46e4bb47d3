import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PUBLIC_ROUTES, walkRoutes } from "@/e2e/route-walk";

/**
 * Every API route file under app/, imported and called without a session: each exported
 * method answers 401 in the app's error shape, unless the route is on the public list. The
 * same walk runs against the built server in e2e/route-walk.spec.ts, pages included.
 */
const apiRoutes = walkRoutes().filter((r) => r.kind === "api");

describe("every API route refuses an anonymous request", () => {
  it("finds the routes", () => {
    expect(apiRoutes.map((r) => r.file)).toEqual(expect.arrayContaining(["app/api/health/route.ts", "app/api/sync/route.ts", "app/api/audit/route.ts"]));
  });

  for (const walked of apiRoutes) {
    const isPublic = walked.file in PUBLIC_ROUTES;
    it.skipIf(isPublic)(`${walked.methods.join(", ")} ${walked.url} (${walked.file})`, async () => {
      const routeModule = (await import(path.resolve(walked.file))) as Record<string, (req: NextRequest, ctx: { params: Promise<unknown> }) => Promise<Response>>;
      expect(walked.methods.length, "a route file with no method").toBeGreaterThan(0);
      for (const method of walked.methods) {
        const handler = routeModule[method];
        expect(handler, `${method} is exported`).toBeTypeOf("function");
        const request = new NextRequest(`http://localhost:3000${walked.url}`, { method, ...(method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json" } }) });
        const answer = await handler!(request, { params: Promise.resolve({}) });
        expect(answer.status, `${method} ${walked.url}`).toBe(401);
        expect(await answer.json()).toMatchObject({ error: { code: "unauthorized" } });
      }
    });
  }
});
