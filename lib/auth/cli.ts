/**
 * `npm run admin -- <command>`: manage the admins who sign in with a password.
 *   add <email> [--name "Full Name"] [--password-stdin]   asks for a password on a terminal
 *                                                        (empty: generate one), reads it from
 *                                                        stdin with --password-stdin, or
 *                                                        generates one when not on a terminal
 *   passwd <email> [--password-stdin]                     sets a new password, ends sessions
 *   remove <email>                                       removes the admin, ends sessions
 *   list
 * A generated password is printed once, here, and never stored in clear.
 * Single sign-on admins need no command: ADMIN_EMAILS / ADMIN_EMAIL_DOMAINS let them in.
 */
import "@/lib/env-guard";
import { userInfo } from "node:os";
import { log } from "@/lib/log";
import { createDbClient } from "@/lib/db/client";
import { openToolDatabase } from "@/lib/db/tool-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AdminError, addAdmin, listAdmins, normalizeEmail, removeAdmin, setAdminPassword } from "./admins";
import { generatePassword } from "./password";
import { readPassword } from "./prompt";

const USAGE = "usage: npm run admin -- add <email> [--name N] [--password-stdin] | passwd <email> [--password-stdin] | remove <email> | list";

const out = (line: string) => process.stdout.write(`${line}\n`);

function flag(args: string[], name: string): string | boolean | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const next = args[i + 1];
  return next && !next.startsWith("--") ? next : true;
}

async function choosePassword(args: string[]): Promise<{ password: string; generated: boolean }> {
  if (flag(args, "--password-stdin")) return { password: await readPassword({ fromStdin: true }), generated: false };
  if (process.stdin.isTTY) {
    const typed = await readPassword({ prompt: "Password (leave empty to generate one): " });
    if (typed) return { password: typed, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

async function openDatabase(): Promise<{ client: PrismaClient; close: () => Promise<void> }> {
  const database = await openToolDatabase();
  const client = createDbClient(database.url, 2);
  return { client, close: async () => { await client.$disconnect(); await database.close(); } };
}

// The command line has no request: who ran it is the operating system's user.
const fromCli = (client: PrismaClient) => ({ client, audit: { actor: null, request: {}, details: { via: "cli", osUser: userInfo().username } } });

async function run(client: PrismaClient, [command, ...args]: string[]): Promise<number> {
  const email = args[0] && !args[0].startsWith("--") ? normalizeEmail(args[0]) : undefined;
  switch (command) {
    case "add": {
      if (!email) break;
      const name = flag(args, "--name");
      const { password, generated } = await choosePassword(args);
      await addAdmin({ email, name: typeof name === "string" ? name : undefined, password }, fromCli(client));
      out(`Added admin ${email}.`);
      if (generated) out(`Password (shown once, store it now): ${password}`);
      return 0;
    }
    case "passwd": {
      if (!email) break;
      const { password, generated } = await choosePassword(args);
      await setAdminPassword(email, password, fromCli(client));
      out(`New password set for ${email}; their open sessions were ended.`);
      if (generated) out(`Password (shown once, store it now): ${password}`);
      return 0;
    }
    case "remove": {
      if (!email) break;
      if (!(await removeAdmin(email, fromCli(client)))) throw new AdminError(`${email} is not an admin.`);
      out(`Removed admin ${email}; their sessions are ended.`);
      return 0;
    }
    case "list": {
      const admins = await listAdmins(client);
      if (admins.length === 0) out("No password or single sign-on admins yet. Add one: npm run admin -- add you@company.com");
      for (const a of admins) {
        out(`${a.email}\t${a.name ?? ""}\t${a.hasPassword ? "password" : "single sign-on"}\tlast sign-in ${a.lastSignInAt?.toISOString() ?? "never"}`);
      }
      return 0;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (!argv[0] || argv[0] === "--help" || argv[0] === "-h") {
    out(USAGE);
    return argv[0] ? 0 : 2;
  }
  const { client, close } = await openDatabase();
  try {
    return await run(client, argv);
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AdminError || (error instanceof Error && error.name === "ZodError")) {
      process.stderr.write(`${error instanceof AdminError ? error.message : "Invalid e-mail address."}\n`);
      process.exit(1);
    }
    log.fatal({ err: error }, "admin command failed");
    process.exit(1);
  },
);
