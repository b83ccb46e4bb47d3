import { describe, expect, it } from "vitest";
import { checkValue, conditionsOf, emptyFilter, eventFilterSchema, withCondition, withoutCondition } from "./filters";

describe("checkValue", () => {
  it("trims and accepts values of each dimension", () => {
    expect(checkValue("eventType", " task_deleted ")).toEqual({ value: "task_deleted" });
    expect(checkValue("actorType", "user")).toEqual({ value: "user" });
    expect(checkValue("ip", "10.0.0.0/8")).toEqual({ value: "10.0.0.0/8" });
    expect(checkValue("actor", "alice@example.com")).toEqual({ value: "alice@example.com" });
    expect(checkValue("text", "Robert'); DROP TABLE audit_event;--")).toEqual({ value: "Robert'); DROP TABLE audit_event;--" });
  });

  it("says what is wrong, naming the value", () => {
    expect(checkValue("actorType", "robot")).toEqual({ error: expect.stringContaining('"robot" is not an actor type') });
    expect(checkValue("category", "nope")).toEqual({ error: expect.stringContaining("logins") });
    expect(checkValue("eventType", "Task Deleted")).toEqual({ error: expect.stringContaining("event type") });
    expect(checkValue("ip", "10.0.0.0/99")).toEqual({ error: expect.stringContaining("prefix") });
    expect(checkValue("text", "")).toEqual({ error: "a value is empty" });
    expect(checkValue("text", "x".repeat(201))).toEqual({ error: expect.stringContaining("longer than 200") });
    expect(checkValue("actor", "a\u0000b")).toEqual({ error: expect.stringContaining("control characters") });
  });
});

describe("conditions", () => {
  it("moves a value between include and exclude instead of keeping both", () => {
    let filter = withCondition(emptyFilter(), { dimension: "eventType", value: "task_deleted", exclude: false });
    filter = withCondition(filter, { dimension: "eventType", value: "task_deleted", exclude: true });
    expect(filter.include.eventType).toEqual([]);
    expect(filter.exclude.eventType).toEqual(["task_deleted"]);
    expect(conditionsOf(filter)).toEqual([{ dimension: "eventType", value: "task_deleted", exclude: true }]);
    expect(conditionsOf(withoutCondition(filter, { dimension: "eventType", value: "task_deleted", exclude: true }))).toEqual([]);
  });
});

describe("eventFilterSchema", () => {
  it("fills defaults and normalises", () => {
    const parsed = eventFilterSchema.parse({ include: { eventType: ["task_deleted", "task_deleted", " user_login_failed "] } });
    expect(parsed.time).toEqual({ kind: "relative", last: "7d" });
    expect(parsed.include.eventType).toEqual(["task_deleted", "user_login_failed"]);
    expect(parsed.exclude.ip).toEqual([]);
  });

  it("reports each bad value with its path", () => {
    const result = eventFilterSchema.safeParse({ include: { actorType: ["robot"] }, exclude: { ip: ["nope"], actorType: ["robot"] } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["include.actorType", "exclude.ip", "exclude.actorType"]));
  });

  it("refuses a value both included and excluded", () => {
    const result = eventFilterSchema.safeParse({ include: { eventType: ["task_deleted"] }, exclude: { eventType: ["task_deleted"] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/both included and excluded/);
  });
});
