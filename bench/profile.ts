/**
 * `npm run bench:profile [endpoint…]`: where the server spends its CPU under load, one endpoint at
 * a time. PostgreSQL (started here), the bench's generated network with PROFILE_REQUESTS requests
 * (10,000), the server run with `--cpu-prof`, PROFILE_SECONDS (8) of load at 50 connections, then
 * the profile's heaviest functions and files by self time. Not part of `npm run bench`: a tool to
 * find what to make faster, its output is read, not recorded. With PROFILE_EXPLAIN=1 it first prints
 * the plans, run and timed, of the statements of the inbox listing and of a request's detail. With
 * PROFILE_STATEMENTS=1, PostgreSQL keeps its statement statistics (pg_stat_statements) and the
 * statements of each load are printed by the time PostgreSQL spent on them, planning and running.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pgClient from "pg";
import pino from "pino";
import { resolveApiToken } from "../src/server/api-tokens/api-tokens";
import { actorOf } from "../src/server/auth/principal";
import { systemClock } from "../src/server/clock";
import { loadConfig } from "../src/server/config";
import type { AppContext } from "../src/server/context";
import { openDatabase } from "../src/server/db/database";
import { listRequests, readRequest } from "../src/server/requests/requests";
import { newKeySpec, parseKeyring } from "../src/server/vault/keyring";
import { freePort, startPostgres } from "../test/harness/postgres";
import { planOf, type Recorded, recording } from "../test/harness/query-plans";
import { generateDirectory, generateRequests, rawConnection } from "./generate";
import { measure } from "./lean-autocannon";
import { serverCommand, spawnVigil, stopChild } from "./start";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 10_000);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const KEYS = newKeySpec("profile");
const wanted = process.argv.slice(2);

type CpuNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] };

/** Self time by function and by file, and inclusive time of Vigil's own functions, over the last `windowS` seconds of the profile (the load, not the start). */
function summarise(file: string, windowS: number, top = 30): string {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = 0;
  for (const d of p.timeDeltas) {
    t += d;
    times.push(t);
  }
  const from = t - windowS * 1e6;
  const where = (n: CpuNode) => {
    const url = n.callFrame.url.replace(`file://${ROOT}/`, "").replace(/^node_modules\//, "nm/");
    return url === "" ? "(native)" : url;
  };
  const label = (n: CpuNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${where(n)}:${n.callFrame.lineNumber + 1}`;
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  const own = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  p.samples.forEach((id, i) => {
    if ((times[i] ?? 0) < from) return;
    const us = p.timeDeltas[i] ?? 0;
    const n = byId.get(id);
    if (!n) return;
    total += us;
    add(fn, label(n), us);
    const w = where(n);
    add(
      mod,
      w.startsWith("nm/")
        ? w
            .split("/")
            .slice(0, w.startsWith("nm/@") ? 3 : 2)
            .join("/")
        : w,
      us,
    );
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur);
      if (c && where(c).startsWith("src/")) {
        const k = label(c);
        if (!seen.has(k)) add(own, k, us);
        seen.add(k);
      }
    }
  });
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  return `${(total / 1e6).toFixed(1)} s sampled during the load\n by function (self):\n${fmt(fn)}\n by file or package (self):\n${fmt(mod)}\n Vigil's functions (inclusive):\n${fmt(own)}`;
}

/**
 * PROFILE_EXPLAIN=1: the plans, run and timed, of every statement the inbox listing and a request's
 * detail send, as the benchmark's API token (the Party with the most requests received), as planned
 * with their values and as planned without them (the generic plan a prepared statement may keep).
 */
async function explainMain(ctx: AppContext, token: string): Promise<void> {
  const meta = { ip: null, userAgent: null };
  const checked = await ctx.db.tx((tx) => resolveApiToken(tx, token, new Date(), meta));
  if (!checked.ok) throw new Error(`the bench token does not resolve: ${checked.error.message}`);
  const { principal } = checked;
  const show = async (name: string, run: (c: AppContext) => Promise<unknown>) => {
    const recorded: Recorded[] = [];
    await run({ ...ctx, db: recording(ctx.db, recorded) });
    for (const q of recorded.filter((r) => /^\s*(select|with)/i.test(r.sql))) {
      console.log(`\n--- ${name}: ${q.sql.slice(0, 160).replace(/\s+/g, " ")}…`);
      console.log(await planOf(ctx.db, actorOf(principal), q, { analyze: true }));
      // The plan a prepared statement keeps once it stops planning with each call's values.
      console.log(
        `--- the same, generic:\n${await planOf(ctx.db, actorOf(principal), q, { analyze: true, generic: true })}`,
      );
    }
  };
  await show("inbox", (c) => listRequests(c, principal, { box: "inbox", limit: 50, offset: 0, overdue: false }));
  const page = await listRequests(ctx, principal, { box: "inbox", limit: 1, offset: 0, overdue: false });
  const id = page.items[0]?.id as string;
  await show("detail", (c) => readRequest(c, principal, id, meta, { audit: false }));
}

/** PostgreSQL's time per statement during one load (pg_stat_statements, reset before it). */
async function statementStats(url: string): Promise<{ report(answers: number): Promise<string> }> {
  const c = new pgClient.Client({ connectionString: url });
  await c.connect();
  await c.query("create extension if not exists pg_stat_statements");
  await c.query("select pg_stat_statements_reset()");
  return {
    async report(answers) {
      const { rows } = await c.query<{ calls: string; plan: number; exec: number; query: string }>(
        `select calls, total_plan_time as plan, total_exec_time as exec, query from pg_stat_statements
          where query not like '%pg_stat_statements%' order by total_plan_time + total_exec_time desc limit 12`,
      );
      await c.end();
      const all = rows.reduce((t, r) => t + r.plan + r.exec, 0);
      return [
        `PostgreSQL, per answer (${answers} answers): ${((all * 1000) / Math.max(1, answers)).toFixed(0)} µs planning and running the 12 heaviest statements`,
        ...rows.map(
          (r) =>
            `  ${String(r.calls).padStart(7)} calls, plan ${((r.plan * 1000) / Number(r.calls)).toFixed(0)} µs, run ${((r.exec * 1000) / Number(r.calls)).toFixed(0)} µs: ${r.query.replace(/\s+/g, " ").slice(0, 110)}`,
        ),
      ].join("\n");
    },
  };
}

async function main(): Promise<void> {
  const statements = Boolean(process.env.PROFILE_STATEMENTS);
  const pg = await startPostgres(
    statements
      ? { settings: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track_planning=on"] }
      : {},
  );
  const admin = new pgClient.Client({ connectionString: pg.url() });
  await admin.connect();
  await admin.query("create database vigil_profile");
  await admin.end();
  const url = pg.url("vigil_profile");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-profile-"));
  const children: ChildProcess[] = [];
  try {
    const db = await openDatabase({ kind: "postgres", url });
    const ctx = {
      db,
      clock: systemClock,
      config: loadConfig({ VIGIL_DATA: "/nonexistent", PORT: "0", VIGIL_DEMO: "0" }),
      log: pino({ level: "silent" }),
      keyring: parseKeyring(KEYS),
    };
    const fx = await generateDirectory(ctx);
    const raw = await rawConnection(db);
    await generateRequests(raw, ctx, 1, REQUESTS);
    await raw.close();
    if (process.env.PROFILE_EXPLAIN) await explainMain(ctx, fx.token);
    await db.close();
    const auth = { authorization: `Bearer ${fx.token}` };
    type Target = { name: string; method: "GET" | "POST"; path: string; body?: string };
    const all: Target[] = [
      { name: "search", method: "GET", path: "/api/directory/search?q=police&limit=50" },
      { name: "inbox", method: "GET", path: "/api/requests?box=inbox&limit=50" },
      { name: "detail", method: "GET", path: "" },
      {
        name: "creation",
        method: "POST",
        path: "/api/requests",
        body: JSON.stringify({ type: "legal_information", requestedParty: fx.partyB, content: {} }),
      },
      { name: "pdf", method: "GET", path: `/api/directory/releases/${fx.releaseVersion}/export?format=pdf` },
      { name: "json", method: "GET", path: `/api/directory/releases/${fx.releaseVersion}/export?format=json` },
    ];
    const endpoints = all.filter((e) => wanted.length === 0 || wanted.includes(e.name));
    for (const e of endpoints) {
      const port = await freePort();
      const dir = path.join(work, e.name);
      // The sources under tsx, so that the profile names Vigil's own files and lines.
      const server = await spawnVigil(
        ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...serverCommand("tsx")],
        { VIGIL_DEMO: "0", VIGIL_ENCRYPTION_KEYS: KEYS, DATABASE_URL: url },
        port,
      );
      children.push(server.child);
      const base = server.url;
      let target = `${base}${e.path}`;
      if (e.name === "detail") {
        const page = (await (await fetch(`${base}/api/requests?box=inbox&limit=1`, { headers: auth })).json()) as {
          items: { id: string }[];
        };
        target = `${base}/api/requests/${page.items[0]?.id}`;
      }
      const load = (bound: { connections: number; amount?: number; duration?: number }) =>
        measure(
          {
            url: target,
            ...bound,
            method: e.method,
            headers: { ...auth, "content-type": "application/json" },
            ...(e.body ? { body: e.body } : {}),
          },
          bound.duration ?? 60,
        );
      // Warm up, then the measured load.
      await load({ connections: 10, amount: 200 });
      const stats = statements ? await statementStats(url) : undefined;
      const r = await load({ connections: 50, duration: SECONDS });
      if (stats) console.log(await stats.report(r.requests));
      // The profile is written as the process exits.
      await stopChild(server.child);
      const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      console.log(`\n=== ${e.name}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
      if (file) console.log(summarise(path.join(dir, file), SECONDS));
    }
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await pg.stop();
    if (!process.env.PROFILE_KEEP) fs.rmSync(work, { recursive: true, force: true });
    else console.log(`profiles kept in ${work}`);
  }
}

await main();
