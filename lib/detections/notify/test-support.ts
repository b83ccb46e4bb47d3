import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { db, dbPool } from "@/lib/db/client";
import { queueDeliveries } from "./outbox";

/**
 * What the notification tests share: rules and alerts written straight into their tables (as
 * the engine would), and real HTTP receivers on ephemeral ports of 127.0.0.1.
 */
export async function insertRule(id: string, { name = `Rule ${id}`, severity = "high", query = "type:user_login_failed" } = {}): Promise<void> {
  await db().$executeRaw`
    INSERT INTO detection_rule (id, name, query, condition, severity, dedup_seconds, updated_at)
    VALUES (${id}, ${name}, ${query}, 'match', ${severity}, 3600, now())
    ON CONFLICT (id) DO NOTHING`;
}

export interface AlertSeed {
  ruleId: string;
  severity?: string;
  title?: string;
  actorKey?: string | null;
  firstAt?: Date;
  lastAt?: Date;
  eventCount?: number;
}

export async function insertAlert({ ruleId, severity = "high", title = "Something happened", actorKey = null, firstAt = new Date("2026-12-01T10:00:00Z"), lastAt = new Date("2026-12-01T10:05:00Z"), eventCount = 3 }: AlertSeed): Promise<string> {
  const rows = await db().$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO alert (rule_id, rule_version, dedup_key, severity, title, first_at, last_at, event_count, actor_key)
    VALUES (${ruleId}, 1, ${actorKey ?? ""}, ${severity}, ${title}, ${firstAt}, ${lastAt}, ${eventCount}, ${actorKey})
    RETURNING id`;
  return rows[0]!.id.toString();
}

export async function insertActor(key: string, name: string, email: string): Promise<void> {
  await db().$executeRaw`
    INSERT INTO actor (key, gid, actor_type, name, email, first_seen, last_seen) VALUES (${key}, ${key}, 'user', ${name}, ${email}, now(), now())
    ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email`;
}

/** Queues the alerts' deliveries in a transaction of their own, as the engine does in its. */
export async function queue(alertIds: string[]): Promise<number> {
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    const added = await queueDeliveries(client, alertIds);
    await client.query("COMMIT");
    return added;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

export const deliveriesOf = (alertId: string) => db().alertDelivery.findMany({ where: { alertId: BigInt(alertId) }, orderBy: { id: "asc" } });

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: Received[];
  close: () => Promise<void>;
}

/** An HTTP server on 127.0.0.1 that keeps every request and answers with what `answer` says. */
export async function startReceiver(answer: (request: Received, index: number) => number | { status: number; body?: string; headers?: Record<string, string> } | Promise<number> | "hang"): Promise<Receiver> {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received: Received = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(received);
      void Promise.resolve(answer(received, requests.length - 1)).then((a) => {
        if (a === "hang") return;
        const { status, body, headers } = typeof a === "number" ? { status: a, body: undefined, headers: undefined } : a;
        res.writeHead(status, headers).end(body ?? "");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
