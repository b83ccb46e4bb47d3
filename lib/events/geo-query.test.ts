import { describe, expect, it } from "vitest";
import { placeEventsHref } from "@/lib/actors/place-links";
import { countryHref } from "@/lib/stats/map-subject";
import { checkValue, filterOf, type EventFilter } from "./filters";
import { completionsAt } from "./query-complete";
import { term, type QueryExpr } from "./query-expr";
import { filterToText, textToFilter } from "./query-text";
import { eventSearch, parseEventParams } from "./search-params";
import { eventWhere } from "./where";

/**
 * Where an event's address is, as the explorer's language and URL say it: country, network
 * number, network owner and hosting, each checked (a bad value is named), normalised, and
 * the same filter whichever way it is written.
 */
const week = { kind: "relative", last: "7d" } as const;
const read = (text: string) => {
  const parsed = textToFilter(text, week);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.errors.map((e) => e.message).join("; ")}`);
  return parsed.filter;
};
const errorsOf = (text: string) => {
  const parsed = textToFilter(text, week);
  return parsed.ok ? [] : parsed.errors.map((e) => e.message);
};
const withExpr = (expression: QueryExpr, parts: Parameters<typeof filterOf>[0] = {}): EventFilter => ({ ...filterOf({ time: week, ...parts }), expression });

describe("location values", () => {
  it("normalises what people type: a code in any case, AS before a number, true in any case", () => {
    expect(checkValue("country", " de ")).toEqual({ value: "DE" });
    expect(checkValue("asn", "AS16509")).toEqual({ value: "16509" });
    expect(checkValue("asn", "as13335")).toEqual({ value: "13335" });
    expect(checkValue("hosting", "TRUE")).toEqual({ value: "true" });
    expect(checkValue("asOrg", "Amazon.com, Inc.")).toEqual({ value: "Amazon.com, Inc." });
  });

  it("names a value it refuses", () => {
    expect(checkValue("country", "ZZ")).toEqual({ error: expect.stringContaining('"ZZ" is not a country code') });
    expect(checkValue("country", "Germany")).toEqual({ error: expect.stringContaining('"Germany"') });
    expect(checkValue("country", "__proto__")).toEqual({ error: expect.stringContaining("not a country code") });
    expect(checkValue("asn", "amazon")).toEqual({ error: expect.stringContaining('"amazon" is not a network number') });
    expect(checkValue("asn", "4294967296")).toEqual({ error: expect.stringContaining("not a network number") });
    expect(checkValue("hosting", "maybe")).toEqual({ error: expect.stringContaining("use true or false") });
    expect(checkValue("asOrg", "x".repeat(201))).toEqual({ error: expect.stringContaining("longer than 200") });
  });
});

describe("location conditions in the query bar", () => {
  it.each<[string, EventFilter]>([
    ["country:de", filterOf({ time: week, include: { country: ["DE"] } })],
    ["country:DE,fr", filterOf({ time: week, include: { country: ["DE", "FR"] } })],
    ["-country:DE NOT country:US", filterOf({ time: week, exclude: { country: ["DE", "US"] } })],
    ["asn:AS16509 org:amazon", filterOf({ time: week, include: { asn: ["16509"], asOrg: ["amazon"] } })],
    ['org:"Amazon.com, Inc."', filterOf({ time: week, include: { asOrg: ["Amazon.com, Inc."] } })],
    ["hosting:true -country:CN", filterOf({ time: week, include: { hosting: ["true"] }, exclude: { country: ["CN"] } })],
    ["@network.client.geoip.country.iso_code:jp as_org:ntt as:2914", filterOf({ time: week, include: { country: ["JP"], asOrg: ["ntt"], asn: ["2914"] } })],
    // The closed list of hosting's two values, as any closed list's wildcard.
    ["hosting:*", filterOf({ time: week, include: { hosting: ["true", "false"] } })],
    // Missing values as everywhere in the explorer: a wildcard matches any known one, and its negation the rest.
    ["-country:*", withExpr({ kind: "not", arg: term("country", "*", true) })],
    ["ip:* -country:*", withExpr({ kind: "and", args: [term("ip", "*", true), { kind: "not", arg: term("country", "*", true) }] })],
    ["country:D* OR asn:165*", withExpr({ kind: "or", args: [term("country", "D*", true), term("asn", "165*", true)] })],
    ["country:JP OR hosting:true", withExpr({ kind: "or", args: [term("country", "JP"), term("hosting", "true")] })],
  ])("reads %s", (text, filter) => {
    expect(read(text)).toEqual(filter);
  });

  it("points at a bad value, naming it", () => {
    expect(errorsOf("country:ZZ")).toEqual([expect.stringMatching(/^country: "ZZ" is not a country code/)]);
    expect(errorsOf("country:DE,XX")).toEqual([expect.stringContaining('"XX"')]);
    expect(errorsOf("asn:amazon")).toEqual([expect.stringContaining("not a network number")]);
    expect(errorsOf("country:DEU*")).toEqual([expect.stringContaining("country code pattern")]);
    expect(errorsOf("hosting:maybe*")).toEqual([expect.stringContaining("matches none of true, false")]);
  });

  it("writes the canonical text back, which reads as the same filter", () => {
    const filter = read('country:de,FR -asn:AS16509 org:"Deutsche Telekom" hosting:false (country:JP OR -country:*)');
    expect(filterToText(filter)).toBe('country:DE,FR -asn:16509 org:"Deutsche Telekom" hosting:false (country:JP OR -country:*) since:7d');
    expect(read(filterToText(filter))).toEqual(filter);
  });
});

describe("location conditions in the URL", () => {
  const parse = (search: string) => parseEventParams(new URLSearchParams(search));

  it("reads ?country=, its exclusion and the other fields, and writes them back the same", () => {
    const result = parse("country=DE,fr&not_asn=16509&org=Amazon&hosting=true&q=-country:*");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filter.include).toMatchObject({ country: ["DE", "FR"], asOrg: ["Amazon"], hosting: ["true"] });
    expect(result.filter.exclude.asn).toEqual(["16509"]);
    expect(result.filter.expression).toEqual({ kind: "not", arg: term("country", "*", true) });
    expect(eventSearch(result.filter)).toBe("?q=-country:*&country=DE,FR&not_asn=16509&org=Amazon&hosting=true");
  });

  it.each([
    ["country=ZZ", "country", /"ZZ" is not a country code/],
    ["not_country=Germany", "not_country", /"Germany" is not a country code/],
    ["asn=AS-1", "asn", /not a network number/],
    ["hosting=yes", "hosting", /use true or false/],
    ["q=country:QQ", "q", /"QQ" is not a country code/],
    ["country=DE&not_country=de", "country", /both included and excluded/],
  ])("refuses %s with a message about %s", (search, param, message) => {
    const result = parse(search);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ param, message: expect.stringMatching(message) })]));
  });
});

describe("location conditions as SQL", () => {
  const now = new Date();
  it("looks values up in ip_location as bind parameters only", () => {
    const hostile = "x'); DROP TABLE ip_location; --";
    const fragment = eventWhere(read(`org:"${hostile}" -country:DE`), { now });
    expect(fragment.sql).not.toContain("DROP");
    expect(fragment.sql).toContain("client_ip IN (SELECT ip FROM ip_location WHERE");
    // Excluding keeps events without an address, as excluding an address range does.
    expect(fragment.sql).toContain("client_ip IS NULL OR NOT");
  });

  it("reads a rare location through the addresses' index when asked", () => {
    expect(eventWhere(read("country:NG"), { now, placesByAddress: true }).sql).toContain("client_ip = ANY(ARRAY(SELECT ip FROM ip_location WHERE country = ");
    // Exclusions keep their shape: they are never what picks the rows.
    expect(eventWhere(read("-country:NG"), { now, placesByAddress: true }).sql).toContain("NOT (client_ip IN (SELECT ip FROM ip_location");
  });
});

describe("location completions", () => {
  it("offers countries by code or name, hosting's two values, and asks the server for networks", () => {
    expect(completionsAt("country:germ", 12)?.items[0]).toMatchObject({ insert: "DE", detail: "Germany" });
    expect(completionsAt("country:de", 10)?.items[0]).toMatchObject({ insert: "DE" });
    expect(completionsAt("hosting:", 8)?.items.map((i) => i.insert)).toEqual(["true", "false"]);
    expect(completionsAt("org:amaz", 8)).toMatchObject({ remote: { field: "org", prefix: "amaz" } });
    expect(completionsAt("asn:165", 7)).toMatchObject({ remote: { field: "asn", prefix: "165" } });
    expect(completionsAt("count", 5)?.items.map((i) => i.insert)).toContain("country:");
  });
});

describe("links into the explorer by place", () => {
  it("are the explorer's own country and asn filters: the world map's and the actor page's", () => {
    const month = filterOf({ time: { kind: "relative", last: "30d" }, include: { actorType: ["user"] } });
    const href = countryHref(month, "sign_ins", "DE")!;
    expect(href).toBe("/events?range=30d&type=user_login_succeeded&actor_type=user&country=DE");
    const parsed = parseEventParams(new URLSearchParams(href.slice("/events".length)));
    expect(parsed.ok && parsed.filter.include).toMatchObject({ eventType: ["user_login_succeeded"], actorType: ["user"], country: ["DE"] });
    expect(countryHref(month, "events", "ZZ")).toBeNull();
    expect(placeEventsHref("123", { kind: "relative", last: "all" }, { asn: 16509 })).toBe("/events?range=all&actor=123&asn=16509");
  });
});
