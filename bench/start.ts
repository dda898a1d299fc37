/**
 * `npm run bench:start`: the embedded start (issue 10, point 4: under 3 s, RSS under 300 MB).
 *
 * Creates a data folder once (a first start on it: migrations and the demo network), then restarts
 * the compiled server (dist/server/main.js, as `npm start` runs it) on it BENCH_START_RUNS (3)
 * times. Each run reports the time from the process spawn to the log line "Vigil is running", and
 * VmRSS once it has served a few requests (/health, the sign-in page, the session, the directory's
 * JSON Schema). Writes bench/results/start.json and prints a table.
 *
 * BENCH_START_MODE=tsx measures `node --import tsx src/server/main.ts` instead (how `npm start`
 * ran before the compiled server: docs/decisions/0002-compiled-start.md).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../test/harness/postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const MODE = process.env.BENCH_START_MODE === "tsx" ? "tsx" : "compiled";

/** The server's command line: the compiled bundle (built first if missing or stale), or tsx on the sources. */
export function serverCommand(mode: "compiled" | "tsx" = "compiled"): string[] {
  if (mode === "tsx") return ["--import", "tsx", "src/server/main.ts"];
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-server.mjs"), "--if-stale"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return ["dist/server/main.js"];
}

export type StartedServer = { url: string; pid: number; child: ChildProcess; startedMs: number; output: () => string };

/** Spawns the server and resolves once it printed "Vigil is running", with the time that took. */
export async function spawnVigil(args: string[], env: Record<string, string>, port: number): Promise<StartedServer> {
  const t0 = performance.now();
  let output = "";
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VIGIL_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const deadline = Date.now() + 180_000;
  while (!output.includes("Vigil is running")) {
    if (child.exitCode !== null) throw new Error(`Vigil exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Vigil did not start in 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    child,
    startedMs: Math.round(performance.now() - t0),
    output: () => output,
  };
}

/** VmRSS and VmHWM of a process, in MB (0 when it is gone). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
    return { rss: Math.round(kb("VmRSS") / 1024), hwm: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** A few requests a first visitor makes: the process, the sign-in page, the session, a schema. */
export async function serveAFewRequests(url: string): Promise<void> {
  for (const p of ["/health", "/", "/sign-in", "/api/auth/session", "/api/directory/schema.json", "/health"]) {
    const res = await fetch(`${url}${p}`);
    await res.arrayBuffer();
    if (p === "/health" && res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  }
}

/** The port a bench server child prints ("listening <port>") once it serves. */
export function listeningPort(child: ChildProcess, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (d) => {
      text += String(d);
      const m = text.match(/listening (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 15_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

type Run = { startMs: number; rssMb: number; hwmMb: number };

async function main(): Promise<void> {
  const args = serverCommand(MODE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-start-"));
  const env = { VIGIL_DATA: dir, VIGIL_DEMO: "1" };
  try {
    const first = await spawnVigil(args, env, await freePort());
    await serveAFewRequests(first.url);
    await stopChild(first.child);
    process.stdout.write(`first start (migrations, demo network): ${first.startedMs} ms\n`);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await spawnVigil(args, env, await freePort());
      await serveAFewRequests(s.url);
      await new Promise((r) => setTimeout(r, 500));
      const mem = memoryOf(s.pid);
      await stopChild(s.child);
      runs.push({ startMs: s.startedMs, rssMb: mem.rss, hwmMb: mem.hwm });
      process.stdout.write(`restart ${i + 1}: ${s.startedMs} ms, RSS ${mem.rss} MB\n`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const result = {
      date: new Date().toISOString(),
      mode: MODE,
      command: `node ${args.join(" ")}`,
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "",
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      firstStartMs: first.startedMs,
      runs,
      restartMedianMs: median(runs.map((r) => r.startMs)),
      rssMedianMb: median(runs.map((r) => r.rssMb)),
      targets: { restartMs: 3000, rssMb: 300 },
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, MODE === "tsx" ? "start-tsx.json" : "start.json");
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    const ok = (b: boolean) => (b ? "met" : "MISSED");
    const rows = [
      ["", 'start (spawn → "Vigil is running")', "RSS once serving"],
      ...runs.map((r, i) => [`restart ${i + 1}`, `${r.startMs} ms`, `${r.rssMb} MB`]),
      ["median", `${result.restartMedianMs} ms`, `${result.rssMedianMb} MB`],
      ["target", `< 3000 ms (${ok(result.restartMedianMs < 3000)})`, `< 300 MB (${ok(result.rssMedianMb < 300)})`],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
    process.stdout.write(
      `\nEmbedded start, ${result.command} (first start ${first.startedMs} ms)\n${rows
        .map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  "))
        .join("\n")}\n\nwritten to ${path.relative(ROOT, file)}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
