/**
 * Event latency (issue 4): from the start of the transaction that notifies a user (the in-app row
 * and the NOTIFY, delivered on commit) to the moment that user's open Server-Sent Events stream
 * receives it. Run: `npm run bench:events` (embedded
 * PGlite), or with DATABASE_URL for a PostgreSQL server. Prints p50/p95/p99 and writes
 * bench/results/events-<db>-<date>.json.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { buildApp } from "../src/server/app";
import { newTotpSecret, totpCodeAt } from "../src/server/auth/totp";
import { createUser } from "../src/server/auth/users";
import { systemClock } from "../src/server/clock";
import { loadConfig } from "../src/server/config";
import { openDatabase, SYSTEM_ACTOR } from "../src/server/db/database";
import { loadDemoNetwork } from "../src/server/demo/seed";
import { SESSION_COOKIE } from "../src/server/http/guard";
import { notify } from "../src/server/notify/notifications";
import { newKeySpec, parseKeyring } from "../src/server/vault/keyring";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);

async function main() {
  const config = { ...loadConfig(), mail: { kind: "off" as const } };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-events-"));
  const db = config.databaseUrl
    ? await openDatabase({ kind: "postgres", url: config.databaseUrl })
    : await openDatabase({ kind: "pglite", dataDir });
  const ctx = {
    db,
    clock: systemClock,
    config,
    log: pino({ level: "silent" }),
    keyring: parseKeyring(newKeySpec("bench")),
  };
  await loadDemoNetwork(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // A real account, signed in through the API like a browser.
  const secret = newTotpSecret();
  const email = `bench.${Date.now()}@example.org`;
  const user = await db.tx((tx) =>
    createUser(
      tx,
      {
        email,
        displayName: "Bench",
        password: "bench password 2026",
        role: "officer",
        partyIso2: "FI",
        totp: { secret, ring: ctx.keyring },
      },
      new Date(),
    ),
  );
  let cookie = "";
  const call = async (url: string, body: unknown, csrf?: string) => {
    const res = await fetch(`${base}${url}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE}=${cookie}`,
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie")?.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`));
    if (set?.[1]) cookie = set[1];
    return (await res.json()) as { csrfToken?: string };
  };
  const { csrfToken } = await call("/api/auth/sign-in", { email, password: "bench password 2026" });
  await call("/api/auth/totp", { code: totpCodeAt(secret, new Date()) }, csrfToken);

  const abort = new AbortController();
  const res = await fetch(`${base}/api/events`, {
    headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`event stream refused: ${res.status} ${await res.text()}`);
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
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  await waitFor(": connected");

  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    // Each event is told apart by its time (a kind of the catalogue, a distinct millisecond).
    const at = new Date(Date.UTC(2026, 0, 1) + i);
    // From the start of the transaction that creates the event: what a watching officer waits.
    const started = performance.now();
    await db.tx(async (tx) => {
      await notify(tx, { userIds: [user.id] }, { kind: "directory.release_published" }, at, { email: false });
    }, SYSTEM_ACTOR);
    await waitFor(`"at":"${at.toISOString()}"`);
    if (i >= 5) times.push(performance.now() - started);
  }
  abort.abort();
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 100) / 100;
  const report = {
    date: new Date().toISOString(),
    database: db.kind,
    runs: RUNS,
    node: process.version,
    cpus: os.cpus().length,
    eventCreatedToSseMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) },
  };
  console.log(`Event latency, event created (transaction start) → SSE received, on ${db.kind} (${RUNS} events, ms):`);
  console.table(report.eventCreatedToSseMs);
  const out = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "results",
    `events-${db.kind}-${report.date.slice(0, 10)}.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
  await app.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
