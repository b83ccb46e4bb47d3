import { createInterface } from "node:readline";

/**
 * A password from the terminal without echoing it, or the first line of stdin (for
 * `--password-stdin`, so that it never appears in shell history or the process list).
 */
export async function readPassword(options: { prompt?: string; fromStdin?: boolean }): Promise<string> {
  if (options.fromStdin || !process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const mutable = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  mutable._writeToOutput = (s: string) => {
    // Let the prompt through once, then echo nothing of what is typed.
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(options.prompt ?? "Password: ", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}
