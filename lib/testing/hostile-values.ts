/**
 * Hostile values for the request-fuzzing tests (app/api/events/hostile-input.test.ts in
 * process, e2e/request-fuzz.spec.ts against the running server): the explorer's parameter
 * keys, values chosen to trip parsers, PostgreSQL and naive object handling, and valid ones.
 */
export const EVENT_KEYS = [
  "range", "from", "to", "type", "not_type", "category", "not_category", "actor_type", "not_actor_type", "actor", "not_actor",
  "resource_type", "resource", "not_resource", "ip", "not_ip", "country", "not_country", "asn", "not_asn", "org", "hosting", "context", "auth", "not_auth", "app", "text", "not_text",
  "cols", "sort", "size", "tz", "after", "before", "refresh", "event", "exact", "since", "format",
  // Keys nobody declared, some chosen to trip naive object handling.
  "typ", "__proto__", "constructor", "type[]", "q", "page", "limit", "offset", "", " ", "Type", "SIZE",
];

export const HOSTILE: string[] = [
  "", " ", ",", ",,,", "null", "undefined", "NaN", "Infinity", "-1", "0", "1e309", "9".repeat(400), "[]", "{}", "true", "%", "_", "\\", "'", '"', "`",
  "' OR 1=1 --", "'; DROP TABLE audit_event; --", "1); DELETE FROM actor; --", "$1", "$$", "::inet", "))", "((", "' UNION SELECT raw FROM audit_event --",
  "\u0000", "a\u0000b", "%00", "\r\n", "\t", "${7*7}", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd", "\ud800", "👩‍💻", "\u202egnp.exe",
  "x".repeat(201), "y".repeat(5_000), Array.from({ length: 60 }, (_, i) => `v${i}`).join(","), Array.from({ length: 2_000 }, () => "a").join(","),
  "10.0.0.0/33", "256.1.1.1", "::/129", "1.2.3.4/", "/8", "10.0.0.0/8/8", "1.2.3", "gggg::1", "1.2.3.4%eth0", "010.0.0.1", "1:2:3:4:5:6:7:8:9", "10.0.0.1/-1",
  "2026-02-30", "0000-01-01", "99999-01-01", "2026-11-20T25:00", "1e10", "2026-13-01", "-2026-01-01", "2026-11-20T10:00:00+99:00",
  "2026-11-20T10:00:00.000Z~", "~1234", "2026-11-20T10:00:00.000Z~'--", "0d", "99999999d", "-7d", "7", "7D",
  // Found by case 5 of issue #13: each passed the checks and failed in PostgreSQL.
  "1.2.3.4::", "1.2.3.4::/64", "::/08", ...boundaryCursors(),
  // Exotic addresses and ranges: mapped, compressed, zoned, bracketed, octal and hex forms.
  "::ffff:1.2.3.4", "::1.2.3.4", "1::", "::ffff:0:0/96", "2001:db8::1/64", "fe80::1%25eth0", "[::1]", "0x7f.1", "127.1", "0177.0.0.1", "4294967295", "1.2.3.4/32/", "::/0",
  // Unicode: full-width digits, look-alike dots, invisible and combining characters, astral ones.
  "\uff11.\uff12.\uff13.\uff14", "a@b\u3002com", "\u200b", "e\u0301", "\u00e9", "\ufeffbudget", "\u{1F4A9}".repeat(100), "\u0130stanbul", "\u2028", "\uffff",
];

/** Positions at and past the ends of what PostgreSQL and JavaScript hold, with real and odd gids. */
export function boundaryCursors(): string[] {
  const instants = ["0000-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-11-20T24:00:00.000Z"];
  return instants.flatMap((at) => [`${at}~1204`, `${at}~${"9".repeat(64)}`]);
}

export const VALID: Record<string, string[]> = {
  range: ["15m", "7d", "all", "90d"],
  from: ["2026-01-01", "2026-11-20T10:00:00Z"],
  to: ["2026-12-01", "2027-01-01T00:00:00+01:00"],
  type: ["task_deleted", "user_login_succeeded,user_login_failed", "brand_new_type"],
  category: ["logins", "deletion"],
  actor_type: ["user", "asana"],
  actor: ["alice@example.com", "1201000000000001", "smith"],
  resource: ["1", "plan"],
  ip: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"],
  country: ["DE", "us,jp"],
  asn: ["16509", "AS3320"],
  org: ["Amazon", "Deutsche Telekom AG"],
  hosting: ["true", "false"],
  context: ["web"],
  auth: ["oauth"],
  app: ["Slack"],
  text: ["budget", "100%"],
  cols: ["time,actor", "time,gid,userAgent"],
  sort: ["newest", "oldest"],
  size: ["50", "100", "500"],
  tz: ["utc", "local"],
  after: ["2026-11-20T10:00:00.000Z~1204"],
  before: ["2026-11-20T10:00:00.000Z~1204"],
  refresh: ["30s"],
  format: ["csv", "ndjson"],
  exact: ["1"],
  since: ["2026-11-20T10:00:00.000Z~1204"],
};

/** A small seeded generator, so that a failure names a set that can be replayed. */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

