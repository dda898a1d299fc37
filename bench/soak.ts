/**
 * `npm run bench:soak`: Vigil under steady mixed load for a bounded time, watching its memory.
 *
 * The real server (src/server/main.ts, demo network) in a process of its own, on embedded PGlite
 * (default) or a PostgreSQL server started here (SOAK_DB=postgres); the load from another process
 * (bench/soak-load.ts: officers searching, listing, opening, creating and sending requests, adding
 * messages, an event stream each). Every SOAK_SAMPLE_SECONDS the server's RSS (/proc) and its
 * V8 heap and external memory (/metrics) are sampled. Writes bench/results/soak.json and soak.md,
 * prints the table, the error count and a verdict on growth.
 *
 * Environment: SOAK_MINUTES (5), SOAK_DB (pglite | postgres), SOAK_SAMPLE_SECONDS (10),
 * SOAK_WORKERS (8 concurrent clients). Or `npm run bench:soak -- 3` for 3 minutes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newKeySpec } from "../src/server/vault/keyring";
import { demoSecret, signInDemo } from "../test/harness/api-client";
import { freePort, type RunningPostgres, startPostgres } from "../test/harness/postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const MINUTES = Number(process.argv[2] ?? process.env.SOAK_MINUTES ?? 5);
const DB = (process.env.SOAK_DB ?? "pglite") as "pglite" | "postgres";
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_SECONDS ?? 10);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
const SENDERS: [string, string][] = [
  ["officer.cl@example.org", "RO"],
  ["officer.ro@example.org", "CL"],
  ["officer.mt@example.org", "RO"],
  ["officer2.ro@example.org", "MT"],
];

const log = (msg: string) => process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

type Sample = {
  t: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  outboxPending: number;
};

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 102.4) / 10;
}

async function sample(base: string, pid: number, t0: number): Promise<Sample> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name: string) => {
    let sum = 0;
    for (const m of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, "gm"))) sum += Number(m[1]);
    return sum;
  };
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return {
    t: Math.round((Date.now() - t0) / 1000),
    rssMb: rssOf(pid),
    heapUsedMb: mb(metric("vigil_nodejs_heap_size_used_bytes")),
    heapTotalMb: mb(metric("vigil_nodejs_heap_size_total_bytes")),
    externalMb: mb(metric("vigil_nodejs_external_memory_bytes")),
    outboxPending: metric("vigil_outbox_messages"),
  };
}

/** The floor of a window (its lowest value): after a collection, what the heap really holds. */
const floor = (xs: number[]) => Math.min(...xs);

/**
 * Growth verdict: the floor of the last third against the floor of the first third of the samples
 * after warm-up (the first fifth). Heap use saw-tooths with each collection; its floor moves only
 * when live objects pile up.
 */
function verdict(samples: Sample[]): {
  heapFloorFirstMb: number;
  heapFloorLastMb: number;
  rssFloorFirstMb: number;
  rssFloorLastMb: number;
  grows: boolean;
  words: string;
} {
  const warm = samples.slice(Math.floor(samples.length / 5));
  const third = Math.max(1, Math.floor(warm.length / 3));
  const first = warm.slice(0, third);
  const last = warm.slice(-third);
  const hf = floor(first.map((s) => s.heapUsedMb));
  const hl = floor(last.map((s) => s.heapUsedMb));
  const rf = floor(first.map((s) => s.rssMb));
  const rl = floor(last.map((s) => s.rssMb));
  const heapGrowth = hl - hf;
  const grows = heapGrowth > Math.max(5, hf * 0.1);
  const words = grows
    ? `the heap's floor rose by ${heapGrowth.toFixed(1)} MB (${hf} → ${hl} MB) over the run: look for a leak`
    : `no sign of growth: the heap's floor moved ${heapGrowth >= 0 ? "+" : ""}${heapGrowth.toFixed(1)} MB (${hf} → ${hl} MB), ` +
      `within max(5 MB, 10%); RSS floor ${rf} → ${rl} MB`;
  return { heapFloorFirstMb: hf, heapFloorLastMb: hl, rssFloorFirstMb: rf, rssFloorLastMb: rl, grows, words };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-soak-"));
  let pg: RunningPostgres | undefined;
  try {
    pg = DB === "postgres" ? await startPostgres() : undefined;
    const port = await freePort();
    let output = "";
    const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        VIGIL_DEMO: "1",
        VIGIL_DATA: path.join(work, "data"),
        VIGIL_ENCRYPTION_KEYS: newKeySpec("soak"),
        PORT: String(port),
        HOST: "127.0.0.1",
        VIGIL_PUBLIC_URL: `http://127.0.0.1:${port}`,
        ...(pg ? { DATABASE_URL: pg.url() } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(server);
    server.stdout?.on("data", (d) => {
      output += String(d);
    });
    server.stderr?.on("data", (d) => {
      output += String(d);
    });
    const deadline = Date.now() + 180_000;
    while (!output.includes("Vigil is running")) {
      if (server.exitCode !== null) throw new Error(`Vigil exited with ${server.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`Vigil did not start in 180 s:\n${output}`);
      await sleep(100);
    }
    const base = `http://127.0.0.1:${port}`;
    const sessions = [];
    for (const [email, to] of SENDERS) {
      const c = await signInDemo(base, email, demoSecret(output, email));
      sessions.push({ email, to, cookie: c.cookie as string, csrf: c.csrf as string });
    }
    const plan = path.join(work, "plan.json");
    fs.writeFileSync(plan, JSON.stringify({ base, seconds: MINUTES * 60, workers: WORKERS, sessions }));
    log(`${DB}: server pid ${server.pid}, ${WORKERS} clients and ${sessions.length} event streams for ${MINUTES} min`);

    const t0 = Date.now();
    const samples: Sample[] = [await sample(base, server.pid as number, t0)];
    const loader = spawn(process.execPath, ["--import", "tsx", "bench/soak-load.ts", plan], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.add(loader);
    let loadOut = "";
    loader.stdout?.on("data", (d) => {
      loadOut += String(d);
    });
    const loadDone = new Promise<number>((r) => loader.once("exit", (code) => r(code ?? 1)));
    let finished = false;
    void loadDone.then(() => {
      finished = true;
    });
    while (!finished) {
      await Promise.race([sleep(SAMPLE_S * 1000), loadDone]);
      if (finished) break;
      const s = await sample(base, server.pid as number, t0);
      samples.push(s);
      log(`t=${s.t}s rss ${s.rssMb} MB, heap ${s.heapUsedMb}/${s.heapTotalMb} MB, external ${s.externalMb} MB`);
    }
    if ((await loadDone) !== 0) throw new Error("the load process failed");
    samples.push(await sample(base, server.pid as number, t0));
    const load = JSON.parse(loadOut.trim().split("\n").pop() as string) as {
      actions: Record<
        string,
        { ok: number; failed: number; statuses: Record<string, number>; p50: number; p99: number }
      >;
    };
    const serverErrors = output.split("\n").filter((l) => /"level":(50|60)/.test(l));
    server.kill("SIGTERM");
    const exit = await new Promise<number | string>((r) =>
      server.once("exit", (code, sig) => r(code ?? (sig as string))),
    );
    const failed = Object.values(load.actions).reduce((n, a) => n + a.failed, 0);
    const total = Object.values(load.actions).reduce((n, a) => n + a.ok + a.failed, 0);
    const v = verdict(samples);
    const result = {
      date: new Date().toISOString(),
      database: DB,
      minutes: MINUTES,
      workers: WORKERS,
      sampleSeconds: SAMPLE_S,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "?",
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
        note: "a shared 2-core machine: other engineers' tests and benchmarks ran at the same time",
      },
      node: process.version,
      requests: total,
      errors: { failedRequests: failed, serverErrorLogLines: serverErrors.length },
      exitCode: exit,
      actions: load.actions,
      verdict: v,
      samples,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, "soak.json"), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      `# Soak run (${DB}, ${MINUTES} min, ${WORKERS} clients + ${sessions.length} event streams)`,
      "",
      `${result.date}; ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB; Node ${result.node}; ${result.machine.note} (load average at the end ${result.machine.loadAverageAtEnd.join(", ")}).`,
      "",
      `**Requests:** ${total}; **errors:** ${failed} failed requests, ${serverErrors.length} error lines in the server's log; server exit on SIGTERM: ${exit}.`,
      "",
      `**Verdict:** ${v.words}.`,
      "",
      "| action | ok | failed | p50 ms | p99 ms |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...Object.entries(load.actions).map(([a, s]) => `| ${a} | ${s.ok} | ${s.failed} | ${s.p50} | ${s.p99} |`),
      "",
      "| t (s) | RSS MB | heap used MB | heap total MB | external MB |",
      "| ---: | ---: | ---: | ---: | ---: |",
      ...samples.map((s) => `| ${s.t} | ${s.rssMb} | ${s.heapUsedMb} | ${s.heapTotalMb} | ${s.externalMb} |`),
      "",
    ].join("\n");
    fs.writeFileSync(path.join(RESULTS, "soak.md"), md);
    process.stdout.write(`\n${md}\n`);
    if (failed || serverErrors.length) {
      process.stdout.write(`${serverErrors.slice(0, 5).join("\n")}\n`);
      process.exitCode = 1;
    }
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await pg?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
