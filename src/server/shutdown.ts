import type { Logger } from "pino";

export type ShutdownStep = { name: string; run: () => Promise<void> };

export type ShutdownOptions = {
  /** Run in order: each waits for the one before (the HTTP server before the database it uses). */
  steps: ShutdownStep[];
  /** After this long the process exits anyway, with code 1 (a request or a job that never ends). */
  timeoutMs: number;
  log: Pick<Logger, "info" | "warn" | "error">;
  exit: (code: number) => void;
};

/**
 * A graceful stop on the first SIGTERM or SIGINT: every step runs once, in order, and the process
 * exits 0 when all succeeded. A step that fails is logged and the others still run (the database
 * is closed even if the job queue did not stop cleanly), and the exit code is then 1. A second
 * signal, or the timeout, exits at once with code 1: an operator's second Ctrl-C is never ignored.
 */
export function gracefulShutdown(opts: ShutdownOptions): (signal: string) => Promise<void> {
  let running: Promise<void> | null = null;
  let done = false;
  const exitOnce = (code: number) => {
    if (done) return;
    done = true;
    opts.exit(code);
  };
  return (signal) => {
    if (running) {
      opts.log.warn({ signal }, "second signal: exiting at once");
      exitOnce(1);
      return running;
    }
    opts.log.info({ signal }, "stopping: finishing requests in flight");
    const timer = setTimeout(() => {
      opts.log.error({ timeoutMs: opts.timeoutMs }, "shutdown took too long: exiting");
      exitOnce(1);
    }, opts.timeoutMs);
    timer.unref();
    running = (async () => {
      let failed = false;
      for (const step of opts.steps) {
        if (done) return;
        try {
          await step.run();
        } catch (err) {
          failed = true;
          opts.log.error({ err, step: step.name }, "shutdown step failed");
        }
      }
      clearTimeout(timer);
      if (!failed) opts.log.info("stopped cleanly");
      exitOnce(failed ? 1 : 0);
    })();
    return running;
  };
}
