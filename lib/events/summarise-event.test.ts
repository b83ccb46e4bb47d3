import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/asana/event-types";
import { describeEvent, summariseDetails, type EventFacts } from "./summarise-event";

const alice = { actorType: "user", actorName: "Alice Smith", actorEmail: "alice@x.com" } as const;
const facts = (eventType: string, resourceType: string | null, resourceName: string | null, details: unknown = {}): EventFacts => ({
  eventType,
  ...alice,
  resourceType,
  resourceName,
  resourceEmail: null,
  details,
});

describe("describeEvent", () => {
  it("reads the issue's example", () => {
    expect(describeEvent(facts("workspace_saml_settings_changed", "workspace", "Acme", { old_value: "optional", new_value: "required" }))).toBe(
      "Alice Smith changed the workspace's SAML setting from optional to required",
    );
  });

  it.each([
    [facts("user_login_succeeded", "user", "Alice Smith", { method: "saml" }), "Alice Smith signed in with SAML"],
    [facts("user_login_failed", "user", "Bob Jones", { method: "password" }), "A sign-in as Bob Jones failed with password"],
    [facts("task_deleted", "task", "Q3 plan"), "Alice Smith deleted the task “Q3 plan”"],
    [facts("task_permanently_deleted", "task", null), "Alice Smith permanently deleted a task"],
    [facts("project_undeleted", "project", "Launch"), "Alice Smith restored the project “Launch”"],
    [facts("user_workspace_admin_role_changed", "user", "Bob Jones", { old_value: "member", new_value: "admin" }), "Alice Smith changed Bob Jones's workspace admin role from member to admin"],
    [facts("team_privacy_settings_changed", "team", "Design", { old_value: "public", new_value: "secret" }), "Alice Smith changed the privacy setting of the team “Design” from public to secret"],
    [facts("workspace_require_two_factor_auth_enabled", "workspace", "Acme"), "Alice Smith turned on mandatory two-factor authentication"],
    [facts("project_member_added", "project", "Launch", { new_value: "editor" }), "Alice Smith added a member to the project “Launch” as editor"],
    [facts("project_member_removed", "project", "Launch", { old_value: "viewer" }), "Alice Smith removed a member from the project “Launch” (was viewer)"],
    [facts("user_app_authorized", "user", "Alice Smith", { app_name: "Slack" }), "Alice Smith authorized the app Slack"],
    [facts("workspace_security_contact_email_changed", "workspace", "Acme", { old_value: null, new_value: "ciso@acme.com" }), "Alice Smith changed the workspace's security contact e-mail from (none) to ciso@acme.com"],
  ])("%#: %s", (event, sentence) => {
    expect(describeEvent(event)).toBe(sentence);
  });

  it("names actors without a name by what they are", () => {
    expect(describeEvent({ ...facts("task_deleted", "task", "X"), actorType: "asana_support", actorName: null, actorEmail: null })).toBe("Asana Support deleted the task “X”");
    expect(describeEvent({ ...facts("task_deleted", "task", "X"), actorType: "user", actorName: null, actorEmail: "bob@y.org" })).toBe("bob@y.org deleted the task “X”");
    expect(describeEvent({ ...facts("task_deleted", "task", "X"), actorType: "robot", actorName: null, actorEmail: null })).toBe("Someone deleted the task “X”");
  });

  it("writes a sentence for every catalogued type, and for one nobody has seen", () => {
    const types = [...EVENT_TYPES.map((t) => [t.event_type, t.resource_type] as const), ["brand_new_thing_happened", "widget"] as const];
    for (const [type, resource] of types) {
      for (const details of [{}, { old_value: "a", new_value: "b" }, null, "not an object", [1, 2]]) {
        const sentence = describeEvent(facts(type, resource, "Thing", details));
        expect(sentence, type).toMatch(/^(Alice Smith|A sign-in)/);
        expect(sentence, type).not.toMatch(/undefined|null|\[object|\[current docs/);
      }
    }
  });
});

describe("summariseDetails", () => {
  it.each([
    [{ old_value: "optional", new_value: "required" }, "optional → required"],
    [{ new_value: "editor" }, "now editor"],
    [{ old_value: "viewer" }, "was viewer"],
    [{ old_value: null, new_value: "x", group: { resource_type: "division", gid: "1", name: "Finance" } }, "(none) → x · group: Finance"],
    [{ method: "saml", saml_response: "PHNhbWxw..." }, "method: saml · SAML response kept"],
    [{ app_name: "Slack" }, "app name: Slack"],
    [{}, ""],
    [null, ""],
    ["text", ""],
  ])("%j → %s", (details, line) => {
    expect(summariseDetails(details)).toBe(line);
  });

  it("keeps long values to one short line", () => {
    const line = summariseDetails({ old_value: "a".repeat(500), new_value: "b".repeat(500), other: { deep: ["x".repeat(300)] } });
    expect(line.length).toBeLessThanOrEqual(160);
    expect(line).toContain("…");
  });
});

describe("values Asana controls", () => {
  const hostile = (over: Partial<EventFacts>): EventFacts => ({ ...facts("task_deleted", "task", "Plan"), ...over });
  const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
  const noFunctionText = (text: string) => expect(text).not.toMatch(/native code|function|\[object Object\]/);

  it.each(NAMES)("reads %s as an event type, an actor type, a resource type and a name", (name) => {
    for (const event of [hostile({ eventType: name }), hostile({ actorType: name, actorName: null, actorEmail: null }), hostile({ resourceType: name }), hostile({ actorName: name, resourceName: name }), hostile({ eventType: `${name}_changed`, resourceType: "workspace" })]) {
      const sentence = describeEvent(event);
      noFunctionText(sentence);
      expect(typeof sentence).toBe("string");
    }
    expect(describeEvent(hostile({ actorType: name, actorName: null, actorEmail: null }))).toBe("Someone deleted the task “Plan”");
  });

  it("reads prototype names as detail keys and values", () => {
    const details = JSON.parse('{"__proto__": {"name": "p"}, "constructor": "c", "toString": 1, "hasOwnProperty": null, "valueOf": [1], "old_value": "toString", "new_value": "__proto__"}') as unknown;
    const line = summariseDetails(details, 1_000);
    noFunctionText(line);
    expect(line).toBe("toString → __proto__ · __proto__: p · constructor: c · ToString: 1 · HasOwnProperty: (none) · ValueOf: [1]");
    expect(describeEvent(hostile({ eventType: "workspace_saml_settings_changed", resourceType: "workspace", details }))).toBe("Alice Smith changed the workspace's SAML setting from toString to __proto__");
    expect(summariseDetails(JSON.parse('{"method": "constructor"}'), 100)).toBe("method: constructor");
    noFunctionText(describeEvent(hostile({ eventType: "user_login_succeeded", details: {} })));
  });

  it("shows a bidi override in a name by its name, so the sentence reads in its own order", () => {
    const sentence = describeEvent(hostile({ actorName: "Admin \u202eexe.txt", resourceName: "invoice\u2067fdp.exe\u2069" }));
    expect(sentence).toBe("Admin ⟨RLO⟩exe.txt deleted the task “invoice⟨RLI⟩fdp.exe⟨PDI⟩”");
    expect(summariseDetails({ file: "report\u202eslx.exe", ["k\u202e"]: "v" })).toBe("file: report⟨RLO⟩slx.exe · k⟨RLO⟩: v");
  });

  it("keeps sentences and summaries short whatever the names, details and nesting", () => {
    const long = "A".repeat(200_000);
    expect(describeEvent(hostile({ actorName: long, resourceName: long })).length).toBeLessThan(400);
    const deep = JSON.parse(`${"[".repeat(50_000)}${"]".repeat(50_000)}`) as unknown;
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key_${i}`, "x".repeat(1_000)]));
    expect(summariseDetails({ old_value: "x".repeat(1_000_000), new_value: deep, ...many }).length).toBeLessThanOrEqual(160);
    expect(describeEvent(hostile({ eventType: "workspace_x_changed", resourceType: "workspace", details: { old_value: deep, new_value: long } })).length).toBeLessThan(300);
  });
});
