import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseEventParams } from "@/lib/events/search-params";
import { newSavedQueryId, SAVED_QUERY_ID } from "./ids";
import { getSavedQuery, listSavedQueries, openSavedQuery } from "./list-saved-queries";
import { createSavedQuery, deleteSavedQuery, updateSavedQuery } from "./save-query";
import { createSavedQueryInput } from "./schema";

describe("saved queries", () => {
  it("get short, unguessable, well-formed ids", () => {
    const ids = new Set(Array.from({ length: 2_000 }, () => newSavedQueryId()));
    expect(ids.size).toBe(2_000);
    for (const id of ids) expect(id).toMatch(SAVED_QUERY_ID);
  });

  it("keep a relative range rolling, and freeze one into instants when asked", async () => {
    const rolling = await createSavedQuery({ name: "Deletions", search: "?category=deletion", timeMode: "relative" }, { actor: "alice@example.com", request: {} });
    expect(new URLSearchParams(rolling.search).get("range")).toBe("7d");
    expect(new URLSearchParams(rolling.search).get("category")).toBe("deletion");
    const frozen = await createSavedQuery({ name: "Frozen", note: "incident 42", search: "range=24h&tz=utc&after=2026-11-20T10:00:00.000Z~12", timeMode: "absolute" }, { actor: "bob@example.com", request: {} });
    const parsed = parseEventParams(new URLSearchParams(frozen.search));
    expect(parsed.ok && parsed.filter.time.kind).toBe("absolute");
    expect(parsed.ok && parsed.view).toMatchObject({ tz: "utc", page: null });
    if (parsed.ok && parsed.filter.time.kind === "absolute") {
      expect(Date.parse(parsed.filter.time.to!) - Date.parse(parsed.filter.time.from!)).toBe(24 * 3_600_000);
    }
    expect((await listSavedQueries()).map((q) => q.name)).toEqual(expect.arrayContaining(["Deletions", "Frozen"]));
  });

  it("are renamed and edited, opened (noting when), and deleted", async () => {
    const saved = await createSavedQuery({ name: "Old name", search: "type=task_deleted" }, { actor: "alice@example.com", request: {} });
    const renamed = await updateSavedQuery(saved.id, { name: "New name", note: "why" }, { actor: "bob@example.com", request: {} });
    expect(renamed).toMatchObject({ name: "New name", note: "why", search: saved.search, createdBy: "alice@example.com" });
    expect(saved.lastOpenedAt).toBeNull();
    expect(await openSavedQuery(saved.id)).toBe(saved.search);
    expect((await getSavedQuery(saved.id))?.lastOpenedAt).not.toBeNull();
    await deleteSavedQuery(saved.id, { actor: "bob@example.com", request: {} });
    expect(await openSavedQuery(saved.id)).toBeNull();
    await expect(deleteSavedQuery(saved.id, { actor: "bob@example.com", request: {} })).rejects.toThrow(expect.objectContaining({ kind: "not_found", message: expect.stringMatching(/does not exist/) }));
  });

  it("commit with their audit entry or not at all", async () => {
    const entries = () => db().dashboardAuditEntry.count({ where: { action: { startsWith: "saved_query." } } });
    const before = await entries();
    const saved = await createSavedQuery({ name: "Audited", search: "type=task_deleted" }, { actor: "alice@example.com", request: {} });
    expect(await entries()).toBe(before + 1);
    // PostgreSQL refuses a NUL in text: the entry cannot be written, so the change must not stay.
    const unrecordable = { actor: "bob@example.com", request: { "user-agent": "UA\u0000" } };
    await expect(createSavedQuery({ name: "Unrecorded", search: "type=task_deleted" }, unrecordable)).rejects.toThrow();
    expect((await listSavedQueries()).some((q) => q.name === "Unrecorded")).toBe(false);
    await expect(updateSavedQuery(saved.id, { name: "Unrecorded rename" }, unrecordable)).rejects.toThrow();
    expect((await getSavedQuery(saved.id))?.name).toBe("Audited");
    await expect(deleteSavedQuery(saved.id, unrecordable)).rejects.toThrow();
    expect(await getSavedQuery(saved.id)).not.toBeNull();
    expect(await entries()).toBe(before + 1);
  });

  it("refuse a view the explorer could not open, saying why", () => {
    const result = createSavedQueryInput.safeParse({ name: "x", search: "?size=7&ip=nope" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toMatch(/size: /);
    expect(messages).toMatch(/ip: "nope" is not an IP address/);
    expect(createSavedQueryInput.safeParse({ name: " ", search: "" }).success).toBe(false);
  });
});
