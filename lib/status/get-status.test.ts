import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getStatus } from "./get-status";

describe("getStatus", () => {
  it("reports an empty database plainly", async () => {
    const status = await getStatus();
    expect(status).toMatchObject({ eventsStored: 0, eventsApproximate: false, oldestEventAt: null, newestEventAt: null, quarantined: 0, workspaces: [] });
  });

  describe("with events and a run", () => {
    beforeAll(async () => {
      const base = { workspaceGid: "1", eventType: "user_login_succeeded", actorType: "user", raw: "{}" };
      await db().auditEvent.createMany({
        data: [
          { ...base, gid: "a", createdAt: new Date("2026-11-01T10:00:00.000Z") },
          { ...base, gid: "b", createdAt: new Date("2026-11-20T10:00:00.000Z") },
        ],
      });
      await db().workspaceSyncState.create({ data: { workspaceGid: "1", lastSuccessAt: new Date("2026-11-20T11:00:00Z") } });
      await db().syncRun.create({ data: { workspaceGid: "1", trigger: "schedule", outcome: "succeeded", eventsNew: 2 } });
    });

    it("counts events, gives their range and the last run", async () => {
      const status = await getStatus();
      expect(status.eventsStored).toBe(2);
      expect(status.oldestEventAt).toBe("2026-11-01T10:00:00.000Z");
      expect(status.newestEventAt).toBe("2026-11-20T10:00:00.000Z");
      expect(status.workspaces).toHaveLength(1);
      expect(status.workspaces[0]).toMatchObject({ workspaceGid: "1", lastSuccessAt: "2026-11-20T11:00:00.000Z", lastRun: { outcome: "succeeded", eventsNew: 2 } });
    });
  });
});
