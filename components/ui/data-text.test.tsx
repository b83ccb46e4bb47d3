import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataText } from "./data-text";

const render = (node: React.ReactElement) => renderToStaticMarkup(node);

describe("DataText", () => {
  it("isolates the value and shows a bidi override by name, in the order it is stored", () => {
    const html = render(<DataText value={"Admin \u202eexe.txt"} />);
    expect(html).toMatch(/^<bdi /);
    expect(html).not.toContain("\u202e");
    expect(html).toContain('data-hidden-char="RLO"');
    expect(html).toContain('title="U+202E RIGHT-TO-LEFT OVERRIDE"');
    expect(html.replace(/<[^>]+>/g, "")).toBe("Admin ⟨RLO⟩exe.txt");
  });

  it.each([
    ["zero-width characters", "pay\u200bpal", "pay⟨ZWSP⟩pal"],
    ["500 combining marks", `Z${"\u0301".repeat(500)}`, `Z${"\u0301".repeat(6)}⟨+293 marks⟩…`],
    ["markup", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["a prototype name", "__proto__", "__proto__"],
  ])("shows %s as text", (_name, value, text) => {
    expect(render(<DataText value={value} />).replace(/<[^>]+>/g, "")).toBe(text);
  });

  it("writes a long value as text nodes of at most 32,768 characters, whole, never splitting a surrogate pair", () => {
    const value = `${"a".repeat(32_767)}\u{1F600}${"b".repeat(100_000)}`;
    const html = render(<DataText value={value} max={200_000} />);
    const nodes = html.replace(/^<bdi[^>]*>|<\/bdi>$/g, "").split(/<\/?span>/).filter((t) => t !== "");
    expect(nodes.join("")).toBe(value);
    expect(Math.max(...nodes.map((t) => t.length))).toBeLessThanOrEqual(32_768);
    expect(nodes[0]).toBe("a".repeat(32_767));
    expect(nodes[1]!.startsWith("\u{1F600}")).toBe(true);
  });

  it("cuts a 200,000-character token, lets it wrap anywhere, and says how long it was", () => {
    const html = render(<DataText value={"A".repeat(200_000)} max={100} />);
    expect(html.length).toBeLessThan(1_000);
    expect(html).toContain("[overflow-wrap:anywhere]");
    expect(html).toContain('data-cut="true"');
    const listed = render(<DataText value={"A".repeat(500)} fullLength={200_000} />);
    expect(listed).toContain("200,000 characters in all");
  });
});
