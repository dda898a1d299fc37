import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database";
import { newKeySpec } from "../../src/server/vault/keyring";
import { type ApiClient, demoSecret, signInDemo } from "../harness/api-client";
import { createPostgresDatabase, testDbKind } from "../harness/db";
import { type RunningServer, startServer } from "../harness/server";
import { checkNothingHalfWritten, SENDERS } from "./load";

/**
 * The real server, as `npm start` runs it, stopped with SIGTERM while requests are in flight: a
 * client still uploading its request body (in flight by construction: the server has its headers,
 * not yet its body), concurrent draft creations and PDF exports, an open event stream. Every
 * request the server had received gets a complete success answer, new connections are refused,
 * the process exits 0, and after a restart everything answered is there.
 */
const kind = testDbKind();
const base = (s: RunningServer) => s.url.replace("localhost", "127.0.0.1");

type Outcome = { tag: string; status: number; body: string; complete: boolean };

/** A raw HTTP request on a connection of its own (no agent: nothing is reused or retried). */
function rawRequest(
  s: RunningServer,
  client: ApiClient,
  method: string,
  url: string,
  body?: string,
): { req: http.ClientRequest; done: Promise<Omit<Outcome, "tag">> } {
  const headers: Record<string, string> = { cookie: `vigil_session=${client.cookie}` };
  if (method !== "GET") headers["x-csrf-token"] = client.csrf as string;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  const req = http.request({ host: "127.0.0.1", port: s.port, method, path: url, headers, agent: false });
  const done = new Promise<Omit<Outcome, "tag">>((resolve) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks);
        const length = res.headers["content-length"];
        // Complete: the body ended normally and has the length the server announced.
        resolve({
          status: res.statusCode ?? 0,
          body: text.toString("utf8"),
          complete: res.complete && (length === undefined || Number(length) === text.length),
        });
      });
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body: "", complete: false }));
    });
    req.on("error", () => resolve({ status: 0, body: "", complete: false }));
  });
  return { req, done };
}

/** Tags of the requests the server logged as received ("incoming request", LOG_LEVEL=info). */
function receivedTags(output: string): Set<string> {
  const tags = new Set<string>();
  for (const m of output.matchAll(/"msg":"incoming request"[^\n]*?[?&]t=([\w-]+)/g)) if (m[1]) tags.add(m[1]);
  for (const m of output.matchAll(/[?&]t=([\w-]+)[^\n]*"msg":"incoming request"/g)) if (m[1]) tags.add(m[1]);
  return tags;
}

const refused = (port: number) =>
  new Promise<string>((resolve) => {
    const sock = net.connect(port, "127.0.0.1");
    sock.once("connect", () => {
      sock.destroy();
      resolve("connected");
    });
    sock.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });

async function waitFor(what: string, cond: () => boolean, s: RunningServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`${what} never happened:\n${s.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe(`graceful shutdown (SIGTERM) on ${kind === "pglite" ? "embedded PGlite" : "a PostgreSQL server"}`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-shutdown-"));
    env = {
      VIGIL_DATA: dataDir,
      VIGIL_DEMO: "1",
      VIGIL_ENCRYPTION_KEYS: newKeySpec("shutdown"),
      // Fastify logs each request received: the test knows which requests the server had.
      LOG_LEVEL: "info",
      VIGIL_SHUTDOWN_SECONDS: "45",
      ...(kind === "postgres" ? { DATABASE_URL: await createPostgresDatabase() } : {}),
    };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("answers every request in flight completely, refuses new connections, exits 0 and keeps everything", async () => {
    let server = await startServer(env);
    const clients = new Map<string, ApiClient>();
    for (const [email] of SENDERS) {
      clients.set(email, await signInDemo(base(server), email, demoSecret(server.output(), email)));
    }
    const desk = await signInDemo(
      base(server),
      "secretariat@example.org",
      demoSecret(server.output(), "secretariat@example.org"),
    );
    expect((await desk.post("/api/directory/releases", { version: "2026-01", notes: "" })).status).toBe(201);

    // An open event stream: it never ends by itself, the server must end it.
    const officer = clients.get("officer.cl@example.org") as ApiClient;
    const sse = rawRequest(server, officer, "GET", "/api/events?t=sse");
    sse.req.end();

    // The slow client: headers and half of the body now, the rest after SIGTERM.
    const slowBody = JSON.stringify({ type: "legal_information", requestedParty: "RO", content: {} });
    const slow = rawRequest(server, officer, "POST", "/api/requests?t=slow", slowBody);
    slow.req.write(slowBody.slice(0, 20));
    let slowDone = false;
    void slow.done.then(() => {
      slowDone = true;
    });
    await waitFor("the slow request reaching the server", () => receivedTags(server.output()).has("slow"), server);

    // Concurrent work: 4 PDF exports of the release and 40 draft creations, all fired at once.
    const outcomes: Promise<Outcome>[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = rawRequest(server, desk, "GET", `/api/directory/releases/2026-01/export?format=pdf&t=pdf${i}`);
      r.req.end();
      outcomes.push(r.done.then((o) => ({ ...o, tag: `pdf${i}` })));
    }
    const owners = new Map<string, string>();
    let n = 0;
    for (const [email, to] of SENDERS) {
      const c = clients.get(email) as ApiClient;
      for (let i = 0; i < 10; i++) {
        const tag = `d${++n}`;
        owners.set(tag, email);
        const body = JSON.stringify({ type: "legal_information", requestedParty: to, content: {} });
        const r = rawRequest(server, c, "POST", `/api/requests?t=${tag}`, body);
        r.req.end(body);
        outcomes.push(r.done.then((o) => ({ ...o, tag })));
      }
    }
    // Once the server has some of them, not necessarily all.
    await waitFor("concurrent requests reaching the server", () => receivedTags(server.output()).size >= 8, server);

    const pid = server.pid;
    process.kill(pid, "SIGTERM");
    await waitFor("the shutdown to begin", () => server.output().includes('"msg":"stopping'), server);
    // The process is still running (the slow request holds it) and soon takes no new connection
    // (Fastify runs its preClose hooks, ending the event streams, before it stops listening).
    let door = await refused(server.port);
    for (let i = 0; i < 200 && door === "connected"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      door = await refused(server.port);
    }
    expect(door).toBe("ECONNREFUSED");
    expect(slowDone).toBe(false);
    slow.req.end(slowBody.slice(20));
    const slowAnswer = await slow.done;
    const sseEnd = await sse.done;
    const all = await Promise.all(outcomes);
    const exit = await server.exited;

    const received = receivedTags(server.output());
    const answered = all.filter((o) => received.has(o.tag));
    const notReceived = all.filter((o) => !received.has(o.tag));
    console.log(
      `shutdown test (${kind}): SIGTERM with the slow upload, an event stream and ${all.length} concurrent requests sent; ` +
        `${answered.length} reached the server, all answered ${JSON.stringify(countBy(answered.map((o) => o.status)))}; ` +
        `${notReceived.length} never reached it (${JSON.stringify(countBy(notReceived.map((o) => o.status)))}); ` +
        `slow upload answered ${slowAnswer.status}; exit code ${exit}`,
    );
    expect(exit).toBe(0);
    expect(server.output()).toContain('"msg":"stopped cleanly"');
    expect(slowAnswer).toMatchObject({ status: 201, complete: true });
    expect(JSON.parse(slowAnswer.body).id).toMatch(/^[0-9a-f-]{36}$/);
    // The stream was ended by the server (a clean end of the chunked body), not cut.
    expect(sseEnd).toMatchObject({ status: 200, complete: true });
    for (const o of answered) {
      expect(o.complete, o.tag).toBe(true);
      expect(o.status, o.tag).toBe(o.tag.startsWith("pdf") ? 200 : 201);
      if (o.tag.startsWith("pdf")) expect(o.body.slice(0, 5)).toBe("%PDF-");
    }
    // A request the server never had was refused at the door (no connection, or 503 from a
    // closing server on a reused connection), never half-answered.
    for (const o of notReceived) expect([0, 503], o.tag).toContain(o.status);

    // Restart on the same data: every draft answered 201 is there.
    server = await startServer({ ...env, LOG_LEVEL: "warn" });
    for (const c of [...clients.values(), desk]) c.base = base(server);
    const created = [
      { tag: "slow", email: "officer.cl@example.org", id: JSON.parse(slowAnswer.body).id as string },
      ...answered
        .filter((o) => !o.tag.startsWith("pdf"))
        .map((o) => ({ tag: o.tag, email: owners.get(o.tag) as string, id: JSON.parse(o.body).id as string })),
    ];
    for (const d of created) {
      const res = await (clients.get(d.email) as ApiClient).get(`/api/requests/${d.id}`);
      expect(res.status, d.tag).toBe(200);
      expect(res.data.state).toBe("draft");
    }
    console.log(
      `shutdown test (${kind}): after restart, ${created.length} of ${created.length} drafts answered 201 found`,
    );
    expect(await server.kill("SIGTERM")).toBe(0);

    // The data folder (or database) opens cleanly and nothing is half-written.
    const db = await openDatabase(
      kind === "pglite"
        ? { kind: "pglite", dataDir }
        : { kind: "postgres", url: env.DATABASE_URL as string, poolSize: 2 },
    );
    try {
      await checkNothingHalfWritten(db);
    } finally {
      await db.close();
    }
  }, 300_000);
});

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
