import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseIpOrCidr } from "./ip";

/**
 * Case 5: every address or range the filter accepts is one PostgreSQL's inet type reads too
 * (`?ip=1.2.3.4::` passed the check and failed in the database, a 500). Thousands of
 * candidates, built from the pieces that trip parsers, are put to both.
 */
const GROUPS = ["0", "1", "a", "ffff", "FFFF", "0000", "00000", "fffff", "g", "1.2.3.4", "255.255.255.255", "256.1.1.1", "1.2.3", "01.2.3.4", ""];
const SEPARATORS = [":", "::", ":::", "."];
const PREFIXES = ["", "", "", "/0", "/8", "/32", "/33", "/64", "/128", "/129", "/", "/-1", "/08", "/1/2", "/ 8"];

function candidates(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out = new Set(["1.2.3.4::", "1.2.3.4::/64", "::1.2.3.4", "::ffff:1.2.3.4", "1::2:3:4:5:6:7", "::", "::/0", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4:1::"]);
  const hex = () => pick(["0", "1", "a", "ffff", "FFFF", "0000", "db8", "00000"]);
  while (out.size < count) {
    if (next() < 0.5) {
      // Near-valid IPv6: a few groups, perhaps one "::", perhaps an IPv4 tail, perhaps a prefix.
      const parts = Array.from({ length: 1 + Math.floor(next() * 8) }, hex);
      if (next() < 0.3) parts[parts.length - 1] = pick(GROUPS);
      if (next() < 0.7) parts.splice(Math.floor(next() * (parts.length + 1)), 0, "");
      let text = parts.join(":");
      if (text.startsWith(":") && !text.startsWith("::")) text = `:${text}`;
      if (text.endsWith(":") && !text.endsWith("::")) text = `${text}:`;
      out.add(text + pick(PREFIXES));
      continue;
    }
    const groups = 1 + Math.floor(next() * 9);
    let text = next() < 0.2 ? pick(SEPARATORS) : "";
    for (let i = 0; i < groups; i++) text += (i > 0 ? pick(SEPARATORS) : "") + pick(GROUPS);
    out.add(text + pick(PREFIXES));
  }
  return [...out];
}

describe("case 5: the IP filter's syntax and PostgreSQL's inet", () => {
  it("accepts only what PostgreSQL reads", async () => {
    const values = candidates(6_000, 13);
    const rows = await db().$queryRaw<Array<{ v: string; ok: boolean }>>`SELECT v, pg_input_is_valid(v, 'inet') AS ok FROM unnest(${values}::text[]) AS v`;
    const postgres = new Map(rows.map((r) => [r.v, r.ok]));
    const accepted = values.filter((v) => !("error" in parseIpOrCidr(v)));
    const refusedByPostgres = accepted.filter((v) => postgres.get(v) !== true);
    expect(refusedByPostgres).toEqual([]);
    // The candidates are not all garbage: both kinds of answer are well represented.
    expect(accepted.length).toBeGreaterThan(300);
    expect(values.length - accepted.length).toBeGreaterThan(3_000);
  });

  it("refuses an IPv4 address before ::, with a message", () => {
    for (const value of ["1.2.3.4::", "1.2.3.4::/64", "1.2.3.4:1::"]) expect(parseIpOrCidr(value), value).toHaveProperty("error");
  });
});
