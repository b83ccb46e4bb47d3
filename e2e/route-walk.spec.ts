import { connect } from "node:net";
import { SYNC_SECRET } from "./constants";
import { anonymousRequest, expect, test } from "./fixtures";
import { PUBLIC_ROUTES, walkRoutes } from "./route-walk";

/**
 * The guard of every route, proved against the running app: every page and API route under
 * app/ refuses an anonymous request, except the short list of public ones (PUBLIC_ROUTES in
 * e2e/route-walk.ts). A route added without a guard fails here; one that must be public is
 * added to that list, visibly.
 */
const PUBLIC = PUBLIC_ROUTES;

const routes = walkRoutes();

test("the walk finds the app's routes", () => {
  const files = routes.map((r) => r.file);
  for (const known of ["app/(dashboard)/page.tsx", "app/(dashboard)/audit/page.tsx", "app/api/sync/route.ts", "app/api/audit/route.ts", ...Object.keys(PUBLIC)]) {
    expect(files).toContain(known);
  }
  for (const route of routes) if (route.kind === "api") expect(route.methods.length, `${route.file} exports no method`).toBeGreaterThan(0);
});

for (const route of routes) {
  const isPublic = route.file in PUBLIC;
  for (const method of route.methods) {
    test(`${method} ${route.url} (${route.file}) ${isPublic ? "is public" : "refuses an anonymous request"}`, async ({ baseURL }) => {
      const anonymous = await anonymousRequest(baseURL);
      const answer = await anonymous.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false, ...(method === "GET" ? {} : { data: {} }) });
      if (isPublic) {
        expect(answer.status(), "a public route must not ask for a session").not.toBe(401);
      } else if (route.kind === "api") {
        expect(answer.status()).toBe(401);
        expect(await answer.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String), requestId: expect.any(String) } });
      } else {
        expect(answer.status()).toBe(307);
        expect(answer.headers()["location"]).toMatch(/^(https?:\/\/[^/]+)?\/login(\?|$)/);
      }
      await anonymous.dispose();
    });
  }
}

test("POST /api/sync accepts the SYNC_SECRET bearer without a session, and only the right one", async ({ baseURL }) => {
  const anonymous = await anonymousRequest(baseURL);
  const wrong = await anonymous.post("/api/sync", { headers: { authorization: "Bearer not-the-secret-at-all" }, data: {} });
  expect(wrong.status()).toBe(401);
  const right = await anonymous.post("/api/sync", { headers: { authorization: `Bearer ${SYNC_SECRET}` }, data: {} });
  expect(right.status()).toBe(202);
  await anonymous.dispose();
});

test("case 9: a scheduler's bare POST /api/sync (no body, no length, as curl -X POST sends) syncs every workspace now", async ({ baseURL }) => {
  // Exactly curl's request, on a raw socket: no Content-Length, no Transfer-Encoding.
  const url = new URL(baseURL!);
  const head = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(`POST /api/sync HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: curl/8\r\nAccept: */*\r\nAuthorization: Bearer ${SYNC_SECRET}\r\nConnection: close\r\n\r\n`),
    );
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
  expect(head.split("\r\n")[0]).toMatch(/^HTTP\/1\.1 202 /);
});
