import { spawnSync, type SpawnSyncOptions } from "node:child_process";

/**
 * Podman as this machine runs it: runc, cgroupfs (no systemd here) and the host's network
 * (no rootless networking); containers.conf must say `default_ulimits = []` under
 * [containers] (.ci/run writes it).
 */
export const PODMAN = ["podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs"];

export function sh(command: string[], options: SpawnSyncOptions & { quiet?: boolean; allowFailure?: boolean } = {}): string {
  const [bin, ...args] = command;
  const result = spawnSync(bin!, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: options.quiet === false ? "inherit" : "pipe", ...options });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command.slice(0, 6).join(" ")} … exited ${result.status ?? result.signal}:\n${String(result.stderr ?? "").slice(-4_000)}`);
  }
  return String(result.stdout ?? "").trim();
}

export const podman = (args: string[], options: Parameters<typeof sh>[1] = {}) => sh([...PODMAN, ...args], options);

export function imageExists(name: string): boolean {
  return spawnSync(PODMAN[0]!, [...PODMAN.slice(1), "image", "exists", name]).status === 0;
}

/** Whether the container's health check passes now (`podman healthcheck run`: no systemd timers here). */
export function healthy(container: string): boolean {
  return spawnSync(PODMAN[0]!, [...PODMAN.slice(1), "healthcheck", "run", container], { stdio: "ignore" }).status === 0;
}

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export const log = (message: string) => process.stdout.write(`[container] ${message}\n`);
