/**
 * The database floor: what any endpoint backed by PostgreSQL costs on this machine before Vigil
 * does anything of its own. Bare Fastify routes (no guard, no schema, no audit), on a pool of 10
 * connections like Vigil's, answering a fixed small JSON:
 *   /floor/query        one `select 1`;
 *   /floor/transaction  BEGIN, one row inserted, COMMIT: the least an audited read needs (every
 *                       read of a request or of the directory is recorded, SAP Art. 14).
 * `npm run bench:floor` starts a throw-away PostgreSQL, serves these routes in a child process
 * (`serve <database url>`: prints "listening <port>"), loads each from another process at 50
 * connections (bench/load.ts, as `npm run bench` does) and prints what they reach: how much of a
 * target is reachable at all on the cores it ran on. Read, not recorded.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import pg from "pg";
import { startPostgres } from "../test/harness/postgres";
import { listeningPort } from "./start";

const ROUTES = ["query", "transaction"] as const;

if (process.argv[2] === "serve") await serve(process.argv[3] as string);
else await run();

async function serve(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`create unlogged table if not exists bench_floor (id bigint generated always as identity primary key,
  at timestamptz not null default now(), what text not null)`);
  // The same bytes as a small answer of Vigil's (a created request's id and number).
  const doc = Buffer.from(JSON.stringify({ id: "00000000-0000-4000-8000-000000000000", number: "2026-0001" }));
  const app = Fastify({ logger: false });
  app.get("/floor/query", async (_request, reply) => {
    await pool.query("select 1");
    return reply.type("application/json").send(doc);
  });
  app.get("/floor/transaction", async (_request, reply) => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("insert into bench_floor (what) values ($1)", ["read"]);
      await client.query("commit");
    } finally {
      client.release();
    }
    return reply.type("application/json").send(doc);
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
}

async function run(): Promise<void> {
  const postgres = await startPostgres();
  const self = path.resolve(import.meta.dirname, "floor.ts");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", self, "serve", postgres.url()], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const plan = path.join(os.tmpdir(), `vigil-floor-${process.pid}.json`);
  try {
    const port = await listeningPort(child, "the floor server");
    // Each route twice: the first run warms the pool, the JIT and PostgreSQL's caches.
    for (const route of [...ROUTES, ...ROUTES]) {
      const url = `http://127.0.0.1:${port}/floor/${route}`;
      fs.writeFileSync(plan, JSON.stringify({ url, connections: 50, amount: 20_000, seconds: 10 }));
      const out = execFileSync(process.execPath, [
        "--import",
        "tsx",
        path.resolve(import.meta.dirname, "load.ts"),
        plan,
      ]);
      const r = JSON.parse(String(out).trim().split("\n").pop() as string) as { rps: number; p50: number; p99: number };
      process.stdout.write(`${route.padEnd(12)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
    }
  } finally {
    child.kill();
    fs.rmSync(plan, { force: true });
    await postgres.stop();
  }
}
