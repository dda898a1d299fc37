import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "./postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningServer = { url: string; port: number; output: () => string; stop: () => Promise<void> };

/** Starts the real server (src/server/main.ts) as `npm start` does, with the given environment. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
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
  const deadline = Date.now() + 90_000;
  while (!output.includes("Vigil is running")) {
    if (child.exitCode !== null) throw new Error(`Vigil exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Vigil did not start in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://localhost:${port}`,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
