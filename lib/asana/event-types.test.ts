import { describe, expect, it } from "vitest";
import { categoryLabel, eventTypeLabel, humanize, LABEL_MAX } from "./event-types";

const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

describe("labels of values Asana controls", () => {
  it.each(PROTOTYPE_NAMES)("reads %s as the text it is, never a function", (name) => {
    for (const label of [humanize(name), eventTypeLabel(name), categoryLabel(name), humanize(`${name}_changed`), humanize(`workspace_${name}`)]) {
      expect(typeof label).toBe("string");
      expect(label).not.toMatch(/native code|function|\[object/);
      expect(label.toLowerCase()).toContain(name.replace(/_/g, "").toLowerCase().slice(0, 5));
    }
  });

  it.each([
    ["workspace_saml_settings_changed", "Workspace SAML settings changed"],
    ["user_oauth_app_authorized", "User OAuth app authorized"],
    ["constructor", "Constructor"],
    ["__proto__", "__proto__"],
    ["a_\u202eexe", "a_⟨RLO⟩exe"],
    ["Logins, from somewhere", "Logins, from somewhere"],
    ["zero\u200bwidth", "zero⟨ZWSP⟩width"],
  ])("humanizes %j as %j", (value, label) => {
    expect(humanize(value)).toBe(label);
  });

  it("cuts a 200,000-character type to a label", () => {
    const label = eventTypeLabel("t".repeat(200_000));
    expect(label.length).toBeLessThanOrEqual(LABEL_MAX + 1);
    expect(label.endsWith("…")).toBe(true);
    expect(humanize(`a_${"b".repeat(500)}`).length).toBeLessThanOrEqual(LABEL_MAX + 1);
  });
});
