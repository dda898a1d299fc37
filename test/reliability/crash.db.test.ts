import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database";
import { newKeySpec } from "../../src/server/vault/keyring";
import { type ApiClient, demoSecret, signInDemo } from "../harness/api-client";
import { createPostgresDatabase, testDbKind } from "../harness/db";
import { type RunningPostgres, startPostgres } from "../harness/postgres";
import { type RunningServer, startServer } from "../harness/server";
import {
  type Acknowledged,
  checkAcknowledged,
  checkNothingHalfWritten,
  clientLoop,
  newAcknowledged,
  SENDERS,
} from "./load";

/**
 * The real server, as `npm start` runs it, killed with SIGKILL while officers create requests and
 * messages through the HTTP API; restarted on the same data, every request and message whose
 * creation was answered with success must be there, intact, and nothing half-written.
 */
const kind = testDbKind();
const ROUNDS = 2;

const base = (s: RunningServer) => s.url.replace("localhost", "127.0.0.1");

describe(`a crash (SIGKILL) under load, on ${kind === "pglite" ? "embedded PGlite" : "a PostgreSQL server"}`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-crash-"));
    env = {
      VIGIL_DATA: dataDir,
      VIGIL_DEMO: "1",
      VIGIL_ENCRYPTION_KEYS: newKeySpec("crash"),
      ...(kind === "postgres" ? { DATABASE_URL: await createPostgresDatabase() } : {}),
    };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps every acknowledged request and message, intact, and leaves nothing half-written", async () => {
    let server = await startServer(env);
    const clients = new Map<string, ApiClient>();
    for (const [email] of SENDERS) {
      clients.set(email, await signInDemo(base(server), email, demoSecret(server.output(), email)));
    }
    const ack: Acknowledged = newAcknowledged();
    for (let round = 1; round <= ROUNDS; round++) {
      let killed = false;
      // Two loops per officer: eight clients at once.
      const loops = SENDERS.flatMap(([email, to]) =>
        [1, 2].map((n) =>
          clientLoop(
            { client: clients.get(email) as ApiClient, to, email, name: `${to}${n}r${round}` },
            ack,
            () => killed,
          ),
        ),
      );
      // Killed in the middle of the load: once enough is acknowledged, after a random few ms.
      const target = ack.requests.size + 20;
      while (ack.requests.size < target) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150)));
      expect(await server.kill("SIGKILL")).toBe("SIGKILL");
      killed = true;
      await Promise.all(loops);
      // The same data, a new process; the sessions are in the database and still valid.
      server = await startServer(env);
      for (const c of clients.values()) c.base = base(server);
    }
    const found = await checkAcknowledged(clients, ack);
    const acknowledged = {
      requests: ack.requests.size,
      messages: [...ack.messages.values()].reduce((n, m) => n + m.length, 0),
      drafts: ack.drafts.size,
    };
    console.log(
      `crash test (${kind}): ${ROUNDS} SIGKILLs; acknowledged ${acknowledged.requests} requests, ` +
        `${acknowledged.messages} messages, ${acknowledged.drafts} drafts; found after restart ` +
        `${found.requests} requests, ${found.messages} messages, ${found.drafts} drafts; ` +
        `answers ${JSON.stringify(Object.fromEntries(ack.statuses))}`,
    );
    expect(found).toEqual(acknowledged);
    // No answer was a server error: a call either succeeded or found no server at all (0).
    expect([...ack.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(await server.kill("SIGTERM")).toBe(0);

    const db = await openDatabase(
      kind === "pglite"
        ? { kind: "pglite", dataDir: env.VIGIL_DATA as string }
        : { kind: "postgres", url: env.DATABASE_URL as string, poolSize: 2 },
    );
    try {
      await checkNothingHalfWritten(db);
    } finally {
      await db.close();
    }
  }, 300_000);
});

// A PostgreSQL server of the test's own (not the suite's shared one), stopped as by a crash
// (immediate shutdown) while the clients work, and started again after a few seconds: Vigil keeps
// running, answers 503 meanwhile, and works again by itself once the server is back.
describe.runIf(kind === "postgres")("PostgreSQL restarted under load", () => {
  let pg: RunningPostgres;
  let dataDir: string;
  beforeAll(async () => {
    // Durable: an acknowledged commit survives the database server's own crash.
    pg = await startPostgres({ durable: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pgrestart-"));
  });
  afterAll(async () => {
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 while it is down, reconnects by itself, and loses nothing acknowledged", async () => {
    const env = {
      VIGIL_DATA: dataDir,
      VIGIL_DEMO: "1",
      VIGIL_ENCRYPTION_KEYS: newKeySpec("restart"),
      DATABASE_URL: pg.url(),
    };
    const server = await startServer(env);
    const clients = new Map<string, ApiClient>();
    for (const [email] of SENDERS) {
      clients.set(email, await signInDemo(base(server), email, demoSecret(server.output(), email)));
    }
    const ack = newAcknowledged();
    let done = false;
    const loops = SENDERS.flatMap(([email, to]) =>
      [1, 2].map((n) =>
        clientLoop({ client: clients.get(email) as ApiClient, to, email, name: `${to}${n}pg` }, ack, () => done),
      ),
    );
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 90_000;
      while (ack.requests.size < n) {
        if (Date.now() > deadline) {
          done = true;
          throw new Error(
            `only ${ack.requests.size} of ${n} requests acknowledged; answers ${JSON.stringify(Object.fromEntries(ack.statuses))}\n${server.output().slice(-3000)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor(15);
    const before = ack.requests.size;
    await pg.restart("immediate", 3_000);
    // Work goes on after the restart without anyone restarting Vigil.
    await waitFor(ack.requests.size + 15);
    done = true;
    await Promise.all(loops);
    expect(server.output()).not.toMatch(/Vigil exited|uncaught|unhandled error/i);
    const found = await checkAcknowledged(clients, ack);
    console.log(
      `PostgreSQL restart test: ${before} requests acknowledged before the restart, ${ack.requests.size} in all; ` +
        `found ${found.requests} requests and ${found.messages} messages; answers ${JSON.stringify(Object.fromEntries(ack.statuses))}`,
    );
    expect(found.requests).toBe(ack.requests.size);
    expect(ack.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...ack.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(await server.kill("SIGTERM")).toBe(0);
    const db = await openDatabase({ kind: "postgres", url: pg.url(), poolSize: 2 });
    try {
      await checkNothingHalfWritten(db);
    } finally {
      await db.close();
    }
  }, 300_000);
});
