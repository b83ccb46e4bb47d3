import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The conventions eslint.config.mjs encodes, each tried on a file that breaks it (linted as
 * text under a real path, so the path's rules apply) and on one that keeps it.
 */
// The files are not on disk, so the type checker's project cannot hold them: its rules are off here.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`could not lint ${filePath}: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? m.message);
}

describe("the linter holds the code base's conventions", { timeout: 120_000 }, () => {
  it("settings come from lib/env.ts only", async () => {
    expect(await rulesBroken("lib/events/some-file.ts", "export const port = process.env.PORT;\n")).toContain("no-restricted-syntax");
    expect(await rulesBroken("lib/env.ts", "export const port = process.env.PORT;\n")).not.toContain("no-restricted-syntax");
  });

  it("the app logs through lib/log.ts, tooling may print", async () => {
    expect(await rulesBroken("components/events/some-file.tsx", 'console.log("x");\n')).toContain("no-console");
    expect(await rulesBroken("lib/sync/cli.ts", 'console.log("x");\n')).not.toContain("no-console");
  });

  it("nothing imports from app/", async () => {
    expect(await rulesBroken("lib/stats/some-file.ts", 'import { GET } from "@/app/api/actors/route";\nexport { GET };\n')).toContain("no-restricted-imports");
    expect(await rulesBroken("components/events/some-file.tsx", 'import { GET } from "@/app/api/actors/route";\nexport { GET };\n')).toContain("no-restricted-imports");
  });

  it("the sync, the Asana client, the integrity checks, the detections engine and the location lookups import no Next.js, React or TanStack Query", async () => {
    for (const source of ["next/server", "react", "@tanstack/react-query"]) {
      expect(await rulesBroken("lib/geo/some-file.ts", `import * as x from "${source}";\nexport { x };\n`), source).toContain("no-restricted-imports");
      expect(await rulesBroken("lib/detections/some-file.ts", `import * as x from "${source}";\nexport { x };\n`), source).toContain("no-restricted-imports");
      expect(await rulesBroken("lib/sync/some-file.ts", `import * as x from "${source}";\nexport { x };\n`), source).toContain("no-restricted-imports");
      expect(await rulesBroken("lib/asana/some-file.ts", `import * as x from "${source}";\nexport { x };\n`), source).toContain("no-restricted-imports");
    }
    expect(await rulesBroken("lib/events/some-file.ts", 'import * as x from "@tanstack/react-query";\nexport { x };\n')).not.toContain("no-restricted-imports");
  });

  it("components call the API through fetchJson and named mutation hooks", async () => {
    expect(await rulesBroken("components/saved/some-file.tsx", 'export const load = () => fetch("/api/saved-queries");\n')).toContain("no-restricted-globals");
    expect(await rulesBroken("components/saved/some-file.tsx", 'import { useMutation } from "@tanstack/react-query";\nexport { useMutation };\n')).toContain("no-restricted-imports");
    expect(await rulesBroken("components/sync/query.ts", 'import { useMutation } from "@tanstack/react-query";\nexport { useMutation };\n')).not.toContain("no-restricted-imports");
  });

  it("one page's components are not imported by another feature", async () => {
    expect(await rulesBroken("components/events/some-file.tsx", 'import { ActorList } from "@/components/actors/actor-list";\nexport { ActorList };\n')).toContain("no-restricted-imports");
    expect(await rulesBroken("components/actors/some-file.tsx", 'import { ActorList } from "@/components/actors/actor-list";\nexport { ActorList };\n')).not.toContain("no-restricted-imports");
  });

  it("React Hooks rules apply", async () => {
    const code = 'import { useState } from "react";\nexport function Thing({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n';
    expect(await rulesBroken("components/events/some-file.tsx", code)).toContain("react-hooks/rules-of-hooks");
  });
});
