import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testContext } from "../../../test/harness/context";
import { secondHandle, testDatabase, testDbKind } from "../../../test/harness/db";
import { makeUser, TEST_PASSWORD } from "../../../test/harness/factories";
import { buildApp } from "../app";
import { totpCodeAt } from "../auth/totp";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { SESSION_COOKIE } from "../http/guard";
import { JOBS } from "../jobs/catalogue";
import { type JobDefinition, JobQueue } from "../jobs/queue";
import { listingCacheOf } from "../requests/listing-cache";

/**
 * Scale-out: two instances of Vigil, each with its own pool, LISTEN connection and job workers,
 * on one PostgreSQL, serving real HTTP on two loopback ports, as behind a load balancer. Nothing
 * that matters may live in one instance's memory: a session, a request, a live event, a rate
 * limit and a job all go through the database.
 *
 * PostgreSQL only: the embedded database is one process's folder (locked), so two instances of
 * it cannot exist; on the pglite project the suite is skipped for that reason.
 */

const ran: { n: number; instance: string }[] = [];
const countedJob: JobDefinition<{ n: number }> = {
  name: "test.two_instances",
  data: z.object({ n: z.number().int() }),
  retry: { limit: 0, delaySeconds: 1 },
  async run(ctx, data) {
    // A little work, so that both instances get to fetch some.
    await new Promise((r) => setTimeout(r, 20));
    ran.push({ n: data.n, instance: ctx.config.publicUrl });
  },
};

const SIGN_IN_LIMIT = 10;

type Instance = { ctx: AppContext; app: FastifyInstance; base: string };

async function instance(db: AppContext["db"], name: string, keyring: AppContext["keyring"]): Promise<Instance> {
  const base = testContext(db, new ManualClock(new Date()));
  const ctx: AppContext = {
    ...base,
    // One VIGIL_ENCRYPTION_KEYS for the whole deployment: the TOTP secrets were sealed with it.
    keyring,
    clock: { now: () => new Date() },
    config: {
      ...base.config,
      publicUrl: `http://${name}.invalid`,
      rateLimits: { ...base.config.rateLimits, signIn: { limit: SIGN_IN_LIMIT, windowMs: 15 * 60_000 } },
    },
  };
  // Vigil's own jobs (sending a request enqueues its deadline check) and the test's counted one.
  ctx.jobs = await JobQueue.start(ctx, [...JOBS, countedJob as JobDefinition<unknown>], {
    pollingIntervalSeconds: 0.5,
  });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { ctx, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** A browser's cookie and CSRF token, usable against either instance. */
class Browser {
  cookie = "";
  csrf = "";
  async call(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; data: any }> {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
        ...(this.csrf && method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get("set-cookie")?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
    if (set) this.cookie = set[1] ?? "";
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    const csrf = data?.csrfToken ?? data?.session?.csrfToken;
    if (csrf) this.csrf = csrf;
    return { status: res.status, data };
  }
}

async function signIn(base: string, email: string, secret: string): Promise<Browser> {
  const b = new Browser();
  expect((await b.call(base, "POST", "/api/auth/sign-in", { email, password: TEST_PASSWORD })).status).toBe(200);
  expect((await b.call(base, "POST", "/api/auth/totp", { code: totpCodeAt(secret, new Date()) })).status).toBe(200);
  return b;
}

describe.runIf(testDbKind() === "postgres")("two instances on one PostgreSQL", () => {
  let a: Instance;
  let b: Instance;
  // One account per sign-in: a TOTP code is accepted once (replay protection), and two sign-ins
  // of one account within the same 30 s step would need the same code.
  type Account = { email: string; secret: string };
  const accounts: Record<"session" | "sender" | "reader", Account> = {} as never;
  beforeAll(async () => {
    const db = await testDatabase();
    const seedCtx = testContext(db);
    await loadDemoNetwork(seedCtx);
    for (const [key, email, party] of [
      ["session", "scale.session.cl@example.org", "CL"],
      ["sender", "scale.sender.cl@example.org", "CL"],
      ["reader", "scale.reader.ro@example.org", "RO"],
    ] as const) {
      const made = await makeUser(seedCtx, { email, role: "officer", party });
      accounts[key] = { email, secret: made.totpSecret as string };
    }
    a = await instance(db, "a", seedCtx.keyring);
    b = await instance(await secondHandle(db), "b", seedCtx.keyring);
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      if (!i) continue;
      await i.app.close();
      await i.ctx.jobs?.stop();
      await i.ctx.db.close();
    }
  });

  it("a session made on A works on B, and signing out on B ends it on A", async () => {
    const browser = await signIn(a.base, accounts.session.email, accounts.session.secret);
    const onB = await browser.call(b.base, "GET", "/api/auth/session");
    expect(onB.status).toBe(200);
    expect(onB.data.user.email).toBe(accounts.session.email);
    expect((await browser.call(b.base, "POST", "/api/auth/sign-out", {})).status).toBeLessThan(300);
    const cookie = browser.cookie;
    const again = new Browser();
    again.cookie = cookie;
    expect((await again.call(a.base, "GET", "/api/auth/session")).status).toBe(401);
  });

  it("a request sent on A is read on B; its live event, made on A, reaches a page open on B", async () => {
    const sender = await signIn(a.base, accounts.sender.email, accounts.sender.secret);
    const reader = await signIn(b.base, accounts.reader.email, accounts.reader.secret);
    // Romania's officer has a page open on B.
    const abort = new AbortController();
    const stream = await fetch(`${b.base}/api/events`, {
      headers: { cookie: `${SESSION_COOKIE}=${reader.cookie}` },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    const chunks = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const heard = (async () => {
      while (!received.includes('"kind":"request.received"')) {
        const { value, done } = await chunks.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    })();
    while (!received.includes(": connected")) await new Promise((r) => setTimeout(r, 20));
    // B keeps Romania's inbox once listed (requests/listing-cache.ts): what A commits must show on B.
    const listedOnB = await reader.call(b.base, "GET", "/api/requests?box=inbox");
    const answered = listingCacheOf(b.ctx.db).counts.answered;
    expect((await reader.call(b.base, "GET", "/api/requests?box=inbox")).data).toEqual(listedOnB.data);
    expect(listingCacheOf(b.ctx.db).counts.answered).toBe(answered + 1);

    const draft = await sender.call(a.base, "POST", "/api/requests", {
      type: "legal_information",
      requestedParty: "RO",
      content: {},
    });
    expect(draft.status).toBe(201);
    const sent = await sender.call(a.base, "POST", `/api/requests/${draft.data.id}/send`, {
      type: "legal_information",
      requestedParty: "RO",
      language: "en",
      reference: "SCALE-1",
      requestingAuthority: {
        organisation: "Cybercrime Unit (fictional)",
        personInCharge: "M. Example",
        address: "1 Example Street",
        phone: "+99 2 555 0100",
        email: "duty@example.org",
        officeHours: "Mon–Fri 08:30–17:30",
        timeZone: "UTC",
      },
      confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty@example.org" },
      handlingConditions: { purpose: "Legal question for case SCALE-1" },
      details: { subject: "Retention of connection logs", details: "How long do providers keep connection logs?" },
    });
    expect(sent.status).toBe(200);
    await heard;
    abort.abort();
    expect(received).toContain('"kind":"request.received"');

    const onB = await reader.call(b.base, "GET", `/api/requests/${draft.data.id}`);
    expect(onB.status).toBe(200);
    expect(onB.data.number).toBe(sent.data.number);
    const inbox = await reader.call(b.base, "GET", "/api/requests?box=inbox");
    expect(inbox.data.items.map((i: { id: string }) => i.id)).toContain(draft.data.id);
    expect(inbox.data.counts.inbox).toBe(listedOnB.data.counts.inbox + 1);
  });

  it("sign-in attempts on A count against the same allowance on B", async () => {
    // A fresh allowance for the loopback address (the sign-ins above used some).
    await a.ctx.db.ownerTx((tx) => tx.execute(sql`delete from rate_limits`));
    // An address nobody has: the per-address limit is what is shared here, not an account's lockout.
    const guess = (base: string) =>
      new Browser().call(base, "POST", "/api/auth/sign-in", {
        email: "nobody@example.org",
        password: "wrong password",
      });
    for (let i = 0; i < SIGN_IN_LIMIT / 2; i++) expect((await guess(a.base)).status).toBe(401);
    for (let i = 0; i < SIGN_IN_LIMIT / 2; i++) expect((await guess(b.base)).status).toBe(401);
    // Each instance alone has seen half the limit; together they have seen all of it.
    expect((await guess(b.base)).status).toBe(429);
    expect((await guess(a.base)).status).toBe(429);
  });

  it("each job sent on A runs exactly once, on whichever instance fetched it", async () => {
    ran.length = 0;
    const N = 30;
    for (let n = 0; n < N; n++) await a.ctx.jobs?.send(countedJob, { n });
    await expect.poll(() => ran.length, { timeout: 30_000, interval: 100 }).toBe(N);
    // A moment more: a job run twice would show up now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(ran.map((r) => r.n).sort((x, y) => x - y)).toEqual([...Array(N).keys()]);
  });
});
