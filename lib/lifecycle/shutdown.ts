/**
 * The server's shutdown, shared by the HTTP server (lib/server/serve.ts, which receives
 * SIGTERM) and the code Next.js loads (the scheduler, the database pools). Next.js bundles its
 * own copy of this module, so the state lives on globalThis: both copies see one shutdown.
 *
 * Work (a sync run) stops first and is awaited; resources (pools) close after it, since the
 * work still writes through them while it finishes its page.
 */
type Phase = "work" | "resources";

interface ShutdownState {
  controller: AbortController;
  tasks: Record<Phase, Set<() => Promise<void>>>;
  running?: Promise<void>;
}

const globalForShutdown = globalThis as unknown as { __auditShutdown?: ShutdownState };

function state(): ShutdownState {
  globalForShutdown.__auditShutdown ??= { controller: new AbortController(), tasks: { work: new Set(), resources: new Set() } };
  return globalForShutdown.__auditShutdown;
}

/** Aborted once the process is shutting down: long work checks it and stops at a clean point. */
export function shutdownSignal(): AbortSignal {
  return state().controller.signal;
}

/** Registers a step to await on shutdown; returns a function that unregisters it. */
export function onShutdown(phase: Phase, task: () => Promise<void>): () => void {
  const tasks = state().tasks[phase];
  tasks.add(task);
  return () => void tasks.delete(task);
}

/**
 * Aborts the shutdown signal, awaits every work step, then every resource step. Resolves
 * "done", or "timed out" when `boundMs` passed first (the caller exits either way). A failing
 * step is reported through `onError` and does not hold the others back.
 */
export function shutDown(boundMs: number, onError: (error: unknown) => void): Promise<"done" | "timed out"> {
  const s = state();
  const runPhase = (phase: Phase) => Promise.all([...s.tasks[phase]].map((task) => task().catch(onError)));
  if (!s.running) {
    s.controller.abort();
    s.running = runPhase("work").then(() => runPhase("resources")).then(() => undefined);
  }
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), boundMs)));
  return Promise.race([s.running.then(() => "done" as const), bound]).finally(() => clearTimeout(timer));
}
