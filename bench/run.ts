/**
 * `npm run bench`: Vigil at national-network scale (issue 10), on a real PostgreSQL server (started
 * here from Debian's binaries, as the tests do) and on embedded PGlite.
 *
 * For each database: 200 Parties, 10,000 contact points and N requests with messages, generated
 * with SQL (bench/generate.ts); the real server (dist/server/main.js, compiled, as `npm start` runs
 * it) in a process of its own; load from another process (bench/load.ts: autocannon, 50 connections
 * on 127.0.0.1, bounded in count and time) on directory search, inbox listing, request detail,
 * request creation and the release exports; the bare-Fastify ceiling (bench/ceiling.ts) at each
 * endpoint's body size; the server's peak memory; event latency (request sent → SSE received); a
 * ping test to every contact point handed to a real SMTP server; the embedded start. Writes
 * bench/results/latest.json and latest.md and prints the table.
 *
 * Sizes (environment): BENCH_REQUESTS (1,000,000), BENCH_REQUESTS_SMALL (10,000),
 * BENCH_PGLITE_REQUESTS (largest PGlite size, default 100,000: see docs/operations.md, "Performance"), and per
 * load run BENCH_AMOUNT (10,000 requests), BENCH_CEILING_AMOUNT (30,000, the bare-Fastify ceiling's)
 * and BENCH_SECONDS (6).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { totpCodeAt } from "../src/server/auth/totp";
import { systemClock } from "../src/server/clock";
import { loadConfig } from "../src/server/config";
import type { AppContext } from "../src/server/context";
import { openDatabase } from "../src/server/db/database";
import { SESSION_COOKIE } from "../src/server/http/guard";
import { newKeySpec, parseKeyring } from "../src/server/vault/keyring";
import { freePort, startPostgres } from "../test/harness/postgres";
import { type BenchFixtures, generateDirectory, generateRequests, rawConnection } from "./generate";
import type { Measured } from "./lean-autocannon";
import {
  listeningPort,
  memoryOf,
  type StartedServer,
  serveAFewRequests,
  serverCommand,
  spawnVigil,
  stopChild,
} from "./start";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const LARGE = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const SMALL = Number(process.env.BENCH_REQUESTS_SMALL ?? 10_000);
const PGLITE_LARGE = Number(process.env.BENCH_PGLITE_REQUESTS ?? 100_000);
// 10,000: the endpoints answered from memory serve 5,000–12,000 a second, and a run of 3,000 was
// over in a third of a second, its first moments (connections opening, the first groups) a large
// part of its p99. The slower ones end at BENCH_SECONDS anyway.
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 10_000);
const CEILING_AMOUNT = Number(process.env.BENCH_CEILING_AMOUNT ?? 30_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 50;
/** The short load before each measured one. */
const WARM_UP = { amount: 300, seconds: 1 };
const SSE_RUNS = Number(process.env.BENCH_SSE_RUNS ?? 50);
/** Which databases to measure (a shorter trial: BENCH_DATABASES=postgres). */
const DATABASES = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",");
const KEYS = newKeySpec("bench");

const log = (msg: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** What bench/load.ts prints for one run. */
type Load = Measured;
type EndpointResult = Load & {
  bytes: number;
  /** One request alone, before the load (median of three), ms. */
  singleMs: number;
  /** The very first request after the server started, ms (an export read from the database, before the memory holds it). */
  firstMs: number;
  ceilingRps: number;
  ratio: number;
  peakRssMb: number;
};
type RunResult = {
  database: "postgres" | "pglite";
  requests: number;
  generateSeconds: number;
  endpoints: Record<string, EndpointResult>;
  serverPeakRssMb: number;
  sse?: { runs: number; p50: number; p99: number; max: number };
  ping?: { addresses: number; seconds: number; handedOver: number };
};

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

type Server = StartedServer;

// Whatever happens to this process, the servers it started stop with it.
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/** The compiled server, as `npm start` runs it (built here first if missing or stale). */
let serverArgs: string[] | undefined;

async function startVigil(env: Record<string, string>): Promise<Server> {
  serverArgs ??= serverCommand();
  const server = await spawnVigil(
    serverArgs,
    { VIGIL_DEMO: "0", VIGIL_ENCRYPTION_KEYS: KEYS, ...env },
    await freePort(),
  );
  children.add(server.child);
  return server;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the server answers /health at once again: a load run stops sending, but the server
 * still works through what it had accepted (a PDF export takes a while), and the next measure must
 * not pay for it.
 */
async function settle(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const t = await timed(() => fetch(`${base}/health`).then((r) => r.arrayBuffer()));
    quick = t < 20 ? quick + 1 : 0;
    await sleep(100);
  }
}

/** Runs bench/load.ts in its own process; samples the server's RSS meanwhile. */
async function load(
  plan: {
    url: string;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    paths?: string[];
    amount?: number;
    seconds?: number;
  },
  serverPid: number | null,
): Promise<Load & { peakRssMb: number }> {
  const file = path.join(os.tmpdir(), `vigil-bench-plan-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ connections: CONNECTIONS, amount: AMOUNT, seconds: SECONDS, ...plan }));
  let peak = 0;
  const sampler = serverPid
    ? setInterval(() => {
        peak = Math.max(peak, memoryOf(serverPid).rss);
      }, 100)
    : null;
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "bench/load.ts", file], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let text = "";
      child.stdout?.on("data", (d) => {
        text += String(d);
      });
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`load exited with ${code}`))));
    });
    return { ...(JSON.parse(out.trim().split("\n").pop() as string) as Load), peakRssMb: peak };
  } finally {
    if (sampler) clearInterval(sampler);
    fs.rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

async function signIn(base: string, creds: { email: string; password: string; totpSecret: string }) {
  let cookie = "";
  const call = async (url: string, body: unknown, csrf?: string) => {
    const res = await fetch(`${base}${url}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie")?.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`));
    if (set?.[1]) cookie = set[1];
    const data = (await res.json()) as { csrfToken?: string; session?: { csrfToken?: string } };
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
  const first = await call("/api/auth/sign-in", { email: creds.email, password: creds.password });
  const done = await call("/api/auth/totp", { code: totpCodeAt(creds.totpSecret, new Date()) }, first.csrfToken);
  return { cookie, csrf: done.session?.csrfToken ?? done.csrfToken ?? "" };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

type Endpoint = {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  paths?: string[];
};

async function measureEndpoints(server: Server, fx: BenchFixtures): Promise<Record<string, EndpointResult>> {
  const auth = { authorization: `Bearer ${fx.token}` };
  // Request detail goes through 200 different requests of the Party's inbox, as a national system would.
  const ids: string[] = [];
  for (let offset = 0; ids.length < 200; offset += 100) {
    const page = (await (
      await fetch(`${server.url}/api/requests?box=inbox&limit=100&offset=${offset}`, { headers: auth })
    ).json()) as { items: { id: string }[] };
    if (page.items.length === 0) break;
    ids.push(...page.items.map((i) => i.id));
  }
  const release = `/api/directory/releases/${fx.releaseVersion}/export`;
  const endpoints: Endpoint[] = [
    { name: "directory search", method: "GET", path: "/api/directory/search?q=police&limit=50" },
    { name: "inbox listing", method: "GET", path: "/api/requests?box=inbox&limit=50" },
    {
      name: "request detail",
      method: "GET",
      path: `/api/requests/${ids[0]}`,
      paths: ids.map((id) => `/api/requests/${id}`),
    },
    {
      name: "request creation",
      method: "POST",
      path: "/api/requests",
      body: JSON.stringify({ type: "legal_information", requestedParty: fx.partyB, content: {} }),
    },
    { name: "release export JSON", method: "GET", path: `${release}?format=json` },
    { name: "release export CSV", method: "GET", path: `${release}?format=csv` },
    { name: "release export PDF", method: "GET", path: `${release}?format=pdf` },
  ];
  const headersOf = (e: Endpoint) => ({ ...auth, ...(e.body ? { "content-type": "application/json" } : {}) });
  // Sizes and single-request times first (the ceiling needs the sizes).
  const sizes: Record<string, number> = {};
  const single: Record<string, number> = {};
  const first: Record<string, number> = {};
  for (const e of endpoints) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      times.push(
        await timed(async () => {
          const res = await fetch(`${server.url}${e.path}`, {
            method: e.method,
            headers: headersOf(e),
            ...(e.body ? { body: e.body } : {}),
          });
          const bytes = (await res.arrayBuffer()).byteLength;
          if (!res.ok) throw new Error(`${e.name}: ${res.status}\n${server.output().slice(-3000)}`);
          sizes[slug(e.name)] = bytes;
        }),
      );
    }
    single[e.name] = Math.round(median(times) * 10) / 10;
    first[e.name] = Math.round((times[0] ?? 0) * 10) / 10;
    log(`  ${e.name}: ${sizes[slug(e.name)]} bytes, alone ${times.map((t) => Math.round(t)).join(" / ")} ms`);
  }
  const results: Record<string, EndpointResult> = {};
  const ceiling = await startCeiling(sizes);
  try {
    for (const e of endpoints) {
      log(`  ${e.name}…`);
      const plan = {
        url: `${server.url}${e.path}`,
        method: e.method,
        headers: headersOf(e),
        ...(e.body ? { body: e.body } : {}),
        ...(e.paths ? { paths: e.paths } : {}),
      };
      // Each side warmed up first (compiled code, pools, caches), as a serving instance is.
      await load({ ...plan, ...WARM_UP }, null);
      await settle(server.url);
      const r = await load(plan, server.pid);
      await settle(server.url);
      const bare = { url: `${ceiling.url}/ceiling/${slug(e.name)}` };
      await load({ ...bare, ...WARM_UP }, null);
      // More than the endpoints' count: the ceiling answers tens of thousands a second, and a short
      // run would be over before its code is warm.
      const c = await load({ ...bare, amount: CEILING_AMOUNT }, null);
      results[e.name] = {
        ...r,
        bytes: sizes[slug(e.name)] ?? 0,
        singleMs: single[e.name] ?? 0,
        firstMs: first[e.name] ?? 0,
        ceilingRps: c.rps,
        ratio: Math.round((r.rps / Math.max(c.rps, 1)) * 1000) / 1000,
      };
    }
  } finally {
    await stopChild(ceiling.child);
  }
  return results;
}

const slug = (name: string) => name.replace(/\W+/g, "-");

async function startCeiling(sizes: Record<string, number>): Promise<{ url: string; child: ChildProcess }> {
  const file = path.join(os.tmpdir(), `vigil-bench-sizes-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(sizes));
  const child = spawn(process.execPath, ["--import", "tsx", "bench/ceiling.ts", file], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  const port = await listeningPort(child, "ceiling");
  return { url: `http://127.0.0.1:${port}`, child };
}

/** From the moment A's system sends a request to B to the moment B's officer's open page hears of it. */
async function measureSse(server: Server, fx: BenchFixtures): Promise<RunResult["sse"]> {
  const session = await signIn(server.url, fx.officerB);
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/events`, {
    headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`event stream refused: ${res.status}`);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const waitFor = async (marker: string) => {
    for (;;) {
      const at = buffer.indexOf(marker);
      if (at >= 0) {
        buffer = buffer.slice(at + marker.length);
        return;
      }
      const { value, done } = await Promise.race([
        reader.read(),
        sleep(15_000).then(() => {
          throw new Error(`no event within 15 s\n${server.output().slice(-2000)}`);
        }),
      ]);
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  await waitFor(": connected");
  const auth = { authorization: `Bearer ${fx.token}`, "content-type": "application/json" };
  const times: number[] = [];
  for (let i = 0; i < SSE_RUNS + 3; i++) {
    const draft = (await (
      await fetch(`${server.url}/api/requests`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ type: "legal_information", requestedParty: fx.partyB, content: {} }),
      })
    ).json()) as { id: string };
    buffer = "";
    const t0 = performance.now();
    const sent = await fetch(`${server.url}/api/requests/${draft.id}/send`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(fx.sendBody),
    });
    if (!sent.ok) throw new Error(`send refused: ${sent.status} ${await sent.text()}`);
    await waitFor('"type":"notification"');
    if (i >= 3) times.push(performance.now() - t0);
  }
  abort.abort();
  return { runs: times.length, p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: quantile(times, 1) };
}

/** An SMTP server that accepts everything and counts: the ping test's messages are "handed over" here. */
async function countingSmtp(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        n++;
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, count: () => n, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A ping test to every contact point of the directory: from the Secretariat's click to the last message accepted by SMTP. */
async function measurePing(
  server: Server,
  fx: BenchFixtures,
  smtp: { count: () => number },
): Promise<RunResult["ping"]> {
  const s = await signIn(server.url, fx.secretariat);
  const headers = {
    cookie: `${SESSION_COOKIE}=${s.cookie}`,
    "x-csrf-token": s.csrf,
    "content-type": "application/json",
  };
  const preview = (await (
    await fetch(`${server.url}/api/pings/preview`, { method: "POST", headers, body: JSON.stringify({}) })
  ).json()) as { addresses: number };
  // Let the e-mails of the SSE measure leave first, so that the count is the ping test's alone.
  for (let before = -1; before !== smtp.count(); ) {
    before = smtp.count();
    await sleep(3_000);
  }
  const base = smtp.count();
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/pings`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      title: "Benchmark ping test",
      selection: {},
      schedule: { mode: "now" },
      reminderMinutes: [],
    }),
  });
  if (!res.ok) throw new Error(`ping refused: ${res.status} ${await res.text()}`);
  const deadline = Date.now() + 180_000;
  while (smtp.count() - base < preview.addresses && Date.now() < deadline) await sleep(100);
  return {
    addresses: preview.addresses,
    handedOver: smtp.count() - base,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

// ---------------------------------------------------------------------------------------------
// A database at two sizes
// ---------------------------------------------------------------------------------------------

function benchContext(db: AppContext["db"]): AppContext {
  return {
    db,
    clock: systemClock,
    config: loadConfig({ VIGIL_DATA: "/nonexistent", PORT: "0", VIGIL_DEMO: "0" }),
    log: pino({ level: "silent" }),
    keyring: parseKeyring(KEYS),
  };
}

async function benchDatabase(
  kind: "postgres" | "pglite",
  sizes: number[],
  target: { url?: string; dataDir?: string },
  smtp: Awaited<ReturnType<typeof countingSmtp>>,
): Promise<RunResult[]> {
  const open = () =>
    kind === "postgres"
      ? openDatabase({ kind: "postgres", url: target.url as string })
      : openDatabase({ kind: "pglite", dataDir: target.dataDir as string });
  const env: Record<string, string> =
    kind === "postgres" ? { DATABASE_URL: target.url as string } : { VIGIL_DATA: target.dataDir as string };
  env.VIGIL_SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  const out: RunResult[] = [];
  let fx: BenchFixtures | undefined;
  let have = 0;
  for (const [n, size] of sizes.entries()) {
    const db = await open();
    const ctx = benchContext(db);
    const t0 = performance.now();
    if (!fx) {
      log(`${kind}: the directory (200 Parties, 10,000 contact points), accounts, release`);
      fx = await generateDirectory(ctx);
    }
    log(`${kind}: requests ${have + 1}…${size}`);
    const raw = await rawConnection(db);
    await generateRequests(raw, ctx, have + 1, size);
    await raw.close();
    await db.close();
    const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
    have = size;
    log(`${kind}: ${size} requests generated in ${generateSeconds} s; starting Vigil`);
    const server = await startVigil(env);
    log(`${kind}: Vigil started in ${server.startedMs} ms`);
    try {
      const endpoints = await measureEndpoints(server, fx);
      const last = n === sizes.length - 1;
      await settle(server.url);
      if (last) log(`${kind}: event latency`);
      const sse = last ? await measureSse(server, fx) : undefined;
      if (last) log(`${kind}: ping test`);
      const ping = last ? await measurePing(server, fx, smtp) : undefined;
      out.push({
        database: kind,
        requests: size,
        generateSeconds,
        endpoints,
        serverPeakRssMb: memoryOf(server.pid).hwm,
        ...(sse ? { sse } : {}),
        ...(ping ? { ping } : {}),
      });
    } finally {
      await stopChild(server.child);
    }
  }
  return out;
}

/** Embedded start: a fresh data folder (migrations, demo network) and a restart on it; RSS once serving. */
async function measureEmbeddedStart(): Promise<{ firstStartMs: number; restartMs: number; rssMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-start-"));
  try {
    const env = { VIGIL_DATA: dir, VIGIL_DEMO: "1" };
    const first = await startVigil(env);
    await stopChild(first.child);
    const again = await startVigil(env);
    // A few pages' worth of work before reading the memory (the same as `npm run bench:start`).
    await serveAFewRequests(again.url);
    for (let i = 0; i < 20; i++) await fetch(`${again.url}/api/directory/schema.json`).catch(() => {});
    await sleep(500);
    const rssMb = memoryOf(again.pid).rss;
    await stopChild(again.child);
    return { firstStartMs: first.startedMs, restartMs: again.startedMs, rssMb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

type Report = {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  postgresVersion: string;
  connections: number;
  perRun: { amount: number; ceilingAmount: number; seconds: number };
  runs: RunResult[];
  embedded: { firstStartMs: number; restartMs: number; rssMb: number };
  totalSeconds: number;
  targets: { name: string; target: string; actual: string; ok: boolean }[];
};

function targetsOf(r: Omit<Report, "targets">): Report["targets"] {
  const pgLarge = r.runs.filter((x) => x.database === "postgres").at(-1);
  const t: Report["targets"] = [];
  const add = (name: string, target: string, actual: string, ok: boolean) => t.push({ name, target, actual, ok });
  if (pgLarge) {
    for (const e of ["directory search", "inbox listing"]) {
      const p99 = pgLarge.endpoints[e]?.p99 ?? Number.POSITIVE_INFINITY;
      add(`${e} p99, PostgreSQL, ${pgLarge.requests.toLocaleString("en")} requests`, "< 25 ms", `${p99} ms`, p99 < 25);
    }
    for (const [name, e] of Object.entries(pgLarge.endpoints)) {
      add(`${name}: ratio to the ceiling (PostgreSQL)`, "≥ 0.3", String(e.ratio), e.ratio >= 0.3);
    }
    if (pgLarge.sse) add("request sent → SSE received p99", "< 200 ms", `${pgLarge.sse.p99} ms`, pgLarge.sse.p99 < 200);
    if (pgLarge.ping)
      add(
        `ping test to ${pgLarge.ping.addresses.toLocaleString("en")} contact points handed to SMTP`,
        "< 30 s",
        `${pgLarge.ping.seconds} s (${pgLarge.ping.handedOver} handed over)`,
        pgLarge.ping.seconds < 30 && pgLarge.ping.handedOver >= pgLarge.ping.addresses,
      );
    const names = ["release export JSON", "release export CSV", "release export PDF"];
    const exports = names.reduce((s, e) => s + (pgLarge.endpoints[e]?.singleMs ?? 0), 0);
    const firstExports = names.reduce((s, e) => s + (pgLarge.endpoints[e]?.firstMs ?? 0), 0);
    add(
      "all exports of the 200-Party release, one after the other (as served: from the instance's memory)",
      "< 2 s",
      `${Math.round(exports)} ms`,
      exports < 2000,
    );
    add(
      "the same, the first time after a start (from the stored renderings)",
      "< 2 s",
      `${Math.round(firstExports)} ms`,
      firstExports < 2000,
    );
  }
  add(
    "embedded start (restart on its data folder)",
    "< 3 s",
    `${r.embedded.restartMs} ms`,
    r.embedded.restartMs < 3000,
  );
  add("embedded RSS once serving", "< 300 MB", `${r.embedded.rssMb} MB`, r.embedded.rssMb < 300);
  return t;
}

function markdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Vigil benchmark (${r.date.slice(0, 16).replace("T", " ")} UTC)`, "");
  lines.push(
    `${r.cpus} × ${r.cpuModel}, Node ${r.node}, PostgreSQL ${r.postgresVersion}; load from a separate process (autocannon), ${r.connections} connections on 127.0.0.1, each run at most ${r.perRun.amount} requests (the ceiling ${r.perRun.ceilingAmount}) or ${r.perRun.seconds} s, after a warm-up of ${WARM_UP.amount}; throughput counted from the first request sent to the last answer received. The load generator, the server and the database share the same ${r.cpus} cores. Whole run: ${Math.round(r.totalSeconds)} s.`,
    "",
  );
  lines.push("## Targets", "", "| measure | target | actual | |", "|---|---|---|---|");
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.target} | ${t.actual} | ${t.ok ? "✓" : "✗"} |`);
  lines.push("", "## Endpoints at 50 connections", "");
  const header = ["endpoint", ...r.runs.map((x) => `${x.database} ${x.requests.toLocaleString("en")} req`)];
  lines.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
  const names = Object.keys(r.runs[0]?.endpoints ?? {});
  for (const name of names) {
    const cells = r.runs.map((x) => {
      const e = x.endpoints[name];
      if (!e) return "–";
      const bad = e.non2xx + e.errors + e.timeouts;
      return `${e.rps} req/s, p50 ${e.p50} ms, p99 ${e.p99} ms, ×${e.ratio} of ${e.ceilingRps}; ${e.peakRssMb} MB${bad ? `; ${bad} failed` : ""}`;
    });
    lines.push(
      `| ${name} (${Math.round((r.runs[0]?.endpoints[name]?.bytes ?? 0) / 1024)} KB) | ${cells.join(" | ")} |`,
    );
  }
  const exportNames = ["release export JSON", "release export CSV", "release export PDF"];
  lines.push(
    `| one request alone (export: JSON / CSV / PDF) | ${r.runs
      .map((x) => exportNames.map((e) => `${x.endpoints[e]?.singleMs ?? "–"} ms`).join(" / "))
      .join(" | ")} |`,
  );
  lines.push(
    `| first request after the start (export from storage: JSON / CSV / PDF) | ${r.runs
      .map((x) => exportNames.map((e) => `${x.endpoints[e]?.firstMs ?? "–"} ms`).join(" / "))
      .join(" | ")} |`,
  );
  lines.push(`| server peak RSS (VmHWM) | ${r.runs.map((x) => `${x.serverPeakRssMb} MB`).join(" | ")} |`);
  lines.push(`| data generation | ${r.runs.map((x) => `${x.generateSeconds} s`).join(" | ")} |`);
  lines.push(
    "",
    "Each cell: throughput, latency p50 and p99, the ratio to the bare-Fastify ceiling (a fixed JSON of the endpoint's size) and the ceiling's own throughput, the server's peak RSS during that run.",
    "",
  );
  lines.push("## Events, ping test, embedded start", "");
  for (const x of r.runs) {
    if (x.sse)
      lines.push(
        `- ${x.database}, ${x.requests.toLocaleString("en")} requests: request sent (API) → SSE received: p50 ${x.sse.p50} ms, p99 ${x.sse.p99} ms, max ${x.sse.max} ms (${x.sse.runs} requests).`,
      );
    if (x.ping)
      lines.push(
        `- ${x.database}: ping test to ${x.ping.addresses.toLocaleString("en")} addresses: ${x.ping.handedOver} accepted by the SMTP server ${x.ping.seconds} s after the Secretariat's click.`,
      );
  }
  lines.push(
    `- Embedded (PGlite): first start on an empty folder (migrations, demo network) ${r.embedded.firstStartMs} ms; restart ${r.embedded.restartMs} ms (process spawn to "Vigil is running", the compiled server as \`npm start\` runs it); RSS once serving ${r.embedded.rssMb} MB.`,
  );
  const pgliteMax = Math.max(0, ...r.runs.filter((x) => x.database === "pglite").map((x) => x.requests));
  if (pgliteMax && pgliteMax < LARGE)
    lines.push(
      `- PGlite is measured up to ${pgliteMax.toLocaleString("en")} requests, not ${LARGE.toLocaleString("en")}: generating a million requests with sealed messages through its single connection does not fit the 15-minute budget beside the PostgreSQL runs. The embedded database is for a single national desk; a network of this size runs on PostgreSQL.`,
    );
  return `${lines.join("\n")}\n`;
}

async function main() {
  const t0 = performance.now();
  process.on("unhandledRejection", (err) => {
    console.error(err);
    process.exit(1);
  });
  const smtp = await countingSmtp();
  log("starting PostgreSQL");
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query("create database vigil_bench");
  const postgresVersion = ((await admin.query("show server_version")).rows[0] as { server_version: string })
    .server_version;
  await admin.end();
  const runs: RunResult[] = [];
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-pglite-"));
  try {
    if (DATABASES.includes("postgres"))
      runs.push(...(await benchDatabase("postgres", [SMALL, LARGE], { url: server.url("vigil_bench") }, smtp)));
    const pgliteSizes = [...new Set([SMALL, PGLITE_LARGE])].filter((n) => n > 0).sort((a, b) => a - b);
    if (DATABASES.includes("pglite"))
      runs.push(...(await benchDatabase("pglite", pgliteSizes, { dataDir: pgliteDir }, smtp)));
  } finally {
    await server.stop();
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
  log("embedded start");
  const embedded = await measureEmbeddedStart();
  await smtp.close();
  const base = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "?",
    postgresVersion,
    connections: CONNECTIONS,
    perRun: { amount: AMOUNT, ceilingAmount: CEILING_AMOUNT, seconds: SECONDS },
    runs,
    embedded,
    totalSeconds: Math.round((performance.now() - t0) / 1000),
  };
  const report: Report = { ...base, targets: targetsOf(base) };
  fs.mkdirSync(RESULTS, { recursive: true });
  const suffix = process.env.BENCH_OUT ?? "latest";
  fs.writeFileSync(path.join(RESULTS, `${suffix}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  fs.writeFileSync(path.join(RESULTS, `${suffix}.md`), md);
  process.stdout.write(`\n${md}\nwritten to bench/results/${suffix}.json and ${suffix}.md\n`);
}

await main();
