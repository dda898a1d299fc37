import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "./postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningServer = {
  url: string;
  port: number;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
  /** Sends a signal (SIGKILL for a crash, SIGTERM for a shutdown) and resolves with the exit code or signal. */
  kill: (signal: NodeJS.Signals) => Promise<number | NodeJS.Signals>;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals>;
};

/** Starts the real server (src/server/main.ts) as `npm start` does, with the given environment. */
export async function startServer(env: Record<string, string>, port?: number): Promise<RunningServer> {
  port ??= await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal as NodeJS.Signals))),
  );
  const deadline = Date.now() + 90_000;
  while (!output.includes("Vigil is running")) {
    if (child.exitCode !== null) throw new Error(`Vigil exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Vigil did not start in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://localhost:${port}`,
    port,
    pid: child.pid as number,
    output: () => output,
    exited,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
