import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app";
import { ManualClock } from "../../src/server/clock";
import type { AppContext } from "../../src/server/context";
import { queryRows, SYSTEM_ACTOR } from "../../src/server/db/database";
import { loadDemoNetwork } from "../../src/server/demo/seed";
import { smtpTransport } from "../../src/server/notify/mail-transport";
import { backoffMs, deliverDue, outboxCounts } from "../../src/server/notify/outbox";
import { verifyWebhook } from "../../src/server/webhooks/signature";
import { testContext } from "../harness/context";
import { testDatabase } from "../harness/db";
import { signedIn, type TestClient } from "../harness/http";
import { sendLegalQuestion } from "../harness/requests";
import { TestSmtpServer } from "../harness/smtp";

/**
 * Outages of what Vigil sends to: a real SMTP server (smtp-server, in this process) and real
 * webhook receivers (node:http) go down, refuse, and cut connections after taking a message in,
 * while requests, releases and a ping test queue e-mail and webhook deliveries. The outbox worker
 * (deliverDue, what the server runs every 2 s) is called by hand and the app's clock is moved past
 * each back-off, so nothing waits on real time. Nothing may be lost; a message whose acceptance
 * never reached Vigil is sent again with the same Message-ID / X-Vigil-Delivery (at-least-once),
 * and a receiver that drops duplicates by that key acts on each exactly once.
 */

type Mode = "up" | "503" | "drop";
type Arrival = { deliveryId: string; event: string; verdict: string; answered: number | "cut" };

/** A national system's webhook endpoint, written as docs tell receivers to: verify, drop duplicates. */
class Receiver {
  readonly arrivals: Arrival[] = [];
  /** Deliveries acted upon: each delivery id at most once. */
  readonly processed = new Map<string, number>();
  readonly seen = new Set<string>();
  mode: Mode = "up";
  /** In "drop" mode: how many deliveries are taken in and then answered with a cut connection. */
  dropBudget = 0;
  secret = "";
  port = 0;
  private server: http.Server | null = null;
  private sockets = new Set<Socket>();

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        const h = req.headers;
        const deliveryId = h["x-vigil-delivery"] as string;
        const event = h["x-vigil-event"] as string;
        if (this.mode === "503") {
          this.arrivals.push({ deliveryId, event, verdict: "unavailable", answered: 503 });
          res.writeHead(503).end();
          return;
        }
        const result = verifyWebhook({
          secret: this.secret,
          body,
          timestamp: h["x-vigil-timestamp"] as string,
          signature: h["x-vigil-signature"] as string,
          deliveryId,
          now: clock.now(),
          seen: this.seen,
        });
        const verdict = result.ok ? "ok" : result.reason;
        // A delivery seen before was already acted upon: acknowledge it (else it is retried), do nothing.
        if (result.ok) this.processed.set(deliveryId, (this.processed.get(deliveryId) ?? 0) + 1);
        if (this.mode === "drop" && this.dropBudget > 0 && result.ok) {
          this.dropBudget--;
          this.arrivals.push({ deliveryId, event, verdict, answered: "cut" });
          req.socket.destroy();
          return;
        }
        const status = result.ok || result.reason === "replayed" ? 200 : 400;
        this.arrivals.push({ deliveryId, event, verdict, answered: status });
        res.writeHead(status).end();
      });
    });
    server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(this.port, "127.0.0.1", r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The port closes: connections are refused. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    for (const sock of this.sockets) sock.destroy();
    await new Promise<void>((r) => s.close(() => r()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/vigil`;
  }
}

const clock = new ManualClock("2026-11-23T09:00:00Z");
const smtp = new TestSmtpServer();
const receivers = { RO: new Receiver(), CL: new Receiver(), MT: new Receiver() };
let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  await smtp.start();
  for (const r of Object.values(receivers)) await r.start();
  ctx = testContext(await testDatabase(), clock); // demo mode: http to a local receiver is allowed
  ctx.config = { ...ctx.config, mail: { kind: "smtp", url: smtp.url, from: "Vigil <vigil@example.org>" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
  await smtp.stop();
  for (const r of Object.values(receivers)) await r.stop();
});

type Row = { key: string; channel: string; status: string; attempts: number; to: string | null; next: string };
const rows = () =>
  ctx.db.tx(
    (tx) =>
      queryRows<Row>(
        tx,
        sql`select idempotency_key as key, channel::text, status::text, attempts, payload->>'to' as "to",
              to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as next
            from outbox`,
      ),
    SYSTEM_ACTOR,
  );

describe("SMTP server and webhook receivers down, refusing, cutting connections, then back", () => {
  it("loses nothing, retries with back-off, and each receiver acts on each message exactly once", async () => {
    const { c: desk } = await signedIn(app, ctx, "desk@example.org", "secretariat", null);
    const officers: Record<string, TestClient> = {};
    for (const iso of ["RO", "CL", "MT"] as const) {
      const { c: admin } = await signedIn(app, ctx, `hooks.${iso.toLowerCase()}@example.org`, "party_admin", iso);
      const res = await admin.post("/api/webhooks", {
        url: receivers[iso].url,
        events: ["request.received", "request.message", "directory.release_published"],
      });
      expect(res.statusCode).toBe(201);
      receivers[iso].secret = res.data.secret;
      ({ c: officers[iso] } = await signedIn(app, ctx, `duty.${iso.toLowerCase()}@example.org`, "officer", iso));
    }
    const mail = smtpTransport(smtp.url, "Vigil <vigil@example.org>");

    // 1. Everything is down (ports closed) while the work goes on.
    await smtp.stop();
    for (const r of Object.values(receivers)) await r.stop();
    const ping = await desk.post("/api/pings", { title: "Outage drill", selection: {}, schedule: { mode: "now" } });
    expect(ping.statusCode).toBe(201);
    for (const version of ["2026-11", "2026-12"]) {
      expect((await desk.post("/api/directory/releases", { version, notes: "" })).statusCode).toBe(201);
    }
    const pairs: [string, string][] = [
      ["RO", "CL"],
      ["CL", "MT"],
      ["MT", "RO"],
    ];
    for (let i = 0; i < 4; i++) {
      for (const [from, to] of pairs) {
        const sent = await sendLegalQuestion(officers[from] as TestClient, to);
        expect(sent.statusCode).toBe(200);
        const msg = await (officers[from] as TestClient).post(`/api/requests/${sent.draftId}/messages`, {
          body: `Follow-up ${i} from ${from}`,
        });
        expect(msg.statusCode).toBe(200);
      }
    }
    const queued = await rows();
    const emails = queued.filter((r) => r.channel === "email");
    const hooks = queued.filter((r) => r.channel === "webhook");
    expect(emails.length).toBeGreaterThan(100);
    // Each receiver: 2 releases + 4 requests received + 4 messages on the requests it sent… or got.
    expect(hooks.length).toBe(3 * (2 + 4 + 4));

    const down = await deliverDue(ctx, mail);
    expect(down).toEqual({ delivered: 0, retried: queued.length, failed: 0 });
    expect(smtp.received).toHaveLength(0);

    // 2. Back, but refusing: the SMTP server answers 451 to every recipient, the receivers 503.
    await smtp.start(); // the same port
    smtp.refusing = { code: 451, message: "4.3.2 Try again later" };
    for (const r of Object.values(receivers)) {
      await r.start();
      r.mode = "503";
    }
    // Not yet due: the back-off (30 s after the first attempt) holds every row.
    expect(await deliverDue(ctx, mail)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(backoffMs(1));
    expect(await deliverDue(ctx, mail)).toEqual({ delivered: 0, retried: queued.length, failed: 0 });
    expect(smtp.refusals).toBe(emails.length);
    expect(smtp.received).toHaveLength(0);
    // The back-off doubles: every row was tried twice and is next due a minute later.
    const after2 = await rows();
    expect(new Set(after2.map((r) => r.attempts))).toEqual(new Set([2]));
    expect(new Set(after2.map((r) => r.next))).toEqual(
      new Set([new Date(clock.now().getTime() + backoffMs(2)).toISOString()]),
    );

    // 3. Accepting again, but some answers never reach Vigil: 5 e-mails taken in and the
    // connection cut before "250 OK"; 2 deliveries per receiver taken in and the connection cut.
    smtp.refusing = null;
    smtp.dropReplies = 5;
    for (const r of Object.values(receivers)) {
      r.mode = "drop";
      r.dropBudget = 2;
    }
    clock.advance(backoffMs(2) - 1);
    expect((await deliverDue(ctx, mail)).delivered).toBe(0); // a millisecond early
    clock.advance(1);
    const third = await deliverDue(ctx, mail);
    expect(third).toEqual({ delivered: queued.length - 5 - 6, retried: 5 + 6, failed: 0 });

    // 4. The retry of those 11, after their back-off.
    clock.advance(backoffMs(3));
    expect(await deliverDue(ctx, mail)).toEqual({ delivered: 11, retried: 0, failed: 0 });
    expect(await deliverDue(ctx, mail)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(await ctx.db.tx((tx) => outboxCounts(tx))).toEqual({ delivered: queued.length });
    mail.close();

    // E-mail: every queued message arrived; the only repeats are the 5 whose "250 OK" was cut,
    // each with the same Message-ID (and X-Vigil-Idempotency-Key) as its first copy.
    const byId = new Map<string, number>();
    for (const m of smtp.received) byId.set(m.messageId as string, (byId.get(m.messageId as string) ?? 0) + 1);
    expect([...byId.keys()].sort()).toEqual(emails.map((r) => `<${r.key}@vigil>`).sort());
    const repeated = [...byId].filter(([, n]) => n > 1);
    expect(repeated.map(([id]) => id).sort()).toEqual(smtp.dropped.map((m) => m.messageId).sort());
    expect(repeated.every(([, n]) => n === 2)).toBe(true);
    for (const m of smtp.received)
      expect(m.raw.replace(/\r\n[ \t]+/g, " ")).toContain(`X-Vigil-Idempotency-Key: ${m.messageId}`);
    // Per recipient, after dropping duplicates by Message-ID: what the outbox queued for them.
    const wanted = countBy(emails.map((r) => r.to as string));
    const unique = new Map(smtp.received.map((m) => [m.messageId, m]));
    const got = countBy([...unique.values()].flatMap((m) => m.to));
    expect(got).toEqual(wanted);

    // Webhooks: each delivery acted upon exactly once by its receiver; the 6 cut ones arrived
    // twice with the same X-Vigil-Delivery, and the second arrival was acknowledged, not redone.
    const arrivals = Object.values(receivers).flatMap((r) => r.arrivals);
    const processed = new Map<string, number>();
    for (const r of Object.values(receivers)) for (const [id, n] of r.processed) processed.set(id, n);
    expect([...processed.keys()].sort()).toEqual(hooks.map((r) => r.key).sort());
    expect([...processed.values()].every((n) => n === 1)).toBe(true);
    const replays = arrivals.filter((a) => a.verdict === "replayed");
    expect(replays).toHaveLength(6);
    expect(replays.every((a) => a.answered === 200)).toBe(true);
    expect(arrivals.filter((a) => a.verdict === "bad_signature" || a.verdict === "too_old")).toEqual([]);

    const duplicates = smtp.received.length - unique.size;
    console.log(
      `outage: ${emails.length} e-mails to ${Object.keys(wanted).length} recipients and ${hooks.length} webhook deliveries ` +
        `queued while SMTP and receivers were down; attempts: 1 refused connection, 1 refused with 451/503, then ` +
        `${smtp.received.length} SMTP acceptances (${unique.size} distinct Message-IDs, ${duplicates} repeats after a cut reply, ` +
        `0 lost) and ${arrivals.length} webhook arrivals (${processed.size} distinct deliveries acted upon once each, ` +
        `${replays.length} repeats acknowledged as already seen, 0 lost)`,
    );
  }, 300_000);
});

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
