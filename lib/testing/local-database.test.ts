import { describe, expect, it } from "vitest";
import { requireLocalDatabase } from "./local-database";

describe("test databases must be on this machine", () => {
  it.each(["postgresql://u:p@localhost:5432/db", "postgresql://u:p@127.0.0.1/db", "postgresql://u:p@127.8.9.10:6543/db", "postgresql://u:p@[::1]:5432/db", "postgresql:///db?host=/var/run/postgresql", "postgresql://u@localhost/db?host=/tmp"])("accepts %s", (url) => {
    expect(requireLocalDatabase(url, "TEST_DATABASE_URL")).toBe(url);
  });

  it.each(["postgresql://u:p@db.example.com/db", "postgresql://u:p@10.0.0.5/db", "postgresql://u:p@[2001:db8::1]/db", "postgresql://u:p@localhost.evil.example/db", "postgresql://u:p@localhost/db?host=db.example.com", "not a url"])("refuses %s, saying why", (url) => {
    expect(() => requireLocalDatabase(url, "E2E_DATABASE_URL")).toThrow(/E2E_DATABASE_URL (points at .* which is not this machine|is not a PostgreSQL URL)/);
  });
});
