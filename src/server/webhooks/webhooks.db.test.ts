import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { backoffMs, deliverDue } from "../notify/outbox";
import { verifyWebhook } from "./signature";

type Received = { headers: http.IncomingHttpHeaders; body: string; verdict: string };

/** A national system's receiver: verifies each delivery as the documentation says. */
class Receiver {
  readonly received: Received[] = [];
  readonly seen = new Set<string>();
  failing = false;
  secret = "";
  private server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const h = req.headers;
      const result = verifyWebhook({
        secret: this.secret,
        body,
        timestamp: h["x-vigil-timestamp"] as string,
        signature: h["x-vigil-signature"] as string,
        deliveryId: h["x-vigil-delivery"] as string,
        now: clock.now(),
        seen: this.failing ? new Set() : this.seen,
      });
      const verdict = this.failing ? "down" : result.ok ? "ok" : result.reason;
      this.received.push({ headers: h, body, verdict });
      res.writeHead(this.failing ? 503 : result.ok ? 200 : 400).end();
    });
  });
  async start() {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/vigil`;
  }
  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

const clock = new ManualClock("2026-11-23T09:00:00Z");
let ctx: AppContext;
let app: FastifyInstance;
let admin: TestClient;
let secretariat: TestClient;
let hookId: string;
let url: string;
const receiver = new Receiver();

beforeAll(async () => {
  url = await receiver.start();
  ctx = testContext(await testDatabase(), clock); // demo mode: http to a local receiver is allowed
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: admin } = await signedIn(app, ctx, "admin.fi@example.org", "party_admin", "FI"));
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
});
afterAll(async () => {
  await receiver.stop();
  await app.close();
  await ctx.db.close();
});

describe("webhooks", () => {
  it("are registered by a Party's admin, with the secret shown once", async () => {
    const res = await admin.post("/api/webhooks", {
      url,
      events: ["directory.release_published", "directory.reminder"],
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.secret).toMatch(/^whsec_/);
    expect(res.data.webhook).toMatchObject({ partyIso2: "FI", url, disabledAt: null });
    receiver.secret = res.data.secret;
    hookId = res.data.webhook.id;
    const list = await admin.get("/api/webhooks");
    expect(JSON.stringify(list.data)).not.toContain(receiver.secret);
    const { c: officer } = await signedIn(app, ctx, "officer.fi@example.org", "officer", "FI");
    expect((await officer.get("/api/webhooks")).statusCode).toBe(403);
    expect((await admin.post("/api/webhooks", { url, events: ["nope"] })).statusCode).toBe(400);
  });

  it("deliver a signed event the receiver verifies, and the receiver rejects a replay", async () => {
    expect((await secretariat.post("/api/directory/releases", { version: "2024-12", notes: "" })).statusCode).toBe(201);
    expect((await deliverDue(ctx, null)).delivered).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0] as Received;
    expect(first.verdict).toBe("ok");
    expect(JSON.parse(first.body)).toMatchObject({
      event: "directory.release_published",
      data: { version: "2024-12" },
    });

    // The same request again, as an attacker who captured it would send it: refused.
    const replay = await fetch(url, {
      method: "POST",
      headers: first.headers as Record<string, string>,
      body: first.body,
    });
    expect(replay.status).toBe(400);
    expect(receiver.received.at(-1)?.verdict).toBe("replayed");
    // A changed body, or the same delivery much later, is refused too.
    const tampered = await fetch(url, {
      method: "POST",
      headers: { ...(first.headers as Record<string, string>), "x-vigil-delivery": crypto.randomUUID() },
      body: first.body.replace("2024-12", "2099-12"),
    });
    expect(tampered.status).toBe(400);
    expect(receiver.received.at(-1)?.verdict).toBe("bad_signature");
  });

  it("retry while the receiver is down, log every delivery, and send a test event on demand", async () => {
    receiver.failing = true;
    clock.advance(1000);
    const queued = await admin.post(`/api/webhooks/${hookId}/test`);
    expect(queued.statusCode).toBe(202);
    expect(await deliverDue(ctx, null)).toMatchObject({ delivered: 0, retried: 1 });
    let log = await admin.get(`/api/webhooks/${hookId}/deliveries`);
    expect(log.data.deliveries[0]).toMatchObject({
      id: queued.data.deliveryId,
      event: "test",
      status: "pending",
      attempts: 1,
    });
    expect(log.data.deliveries[0].lastError).toMatch(/503/);

    receiver.failing = false;
    clock.advance(backoffMs(1));
    expect((await deliverDue(ctx, null)).delivered).toBe(1);
    expect(receiver.received.at(-1)).toMatchObject({ verdict: "ok" });
    log = await admin.get(`/api/webhooks/${hookId}/deliveries`);
    expect(log.data.deliveries.map((d: { status: string }) => d.status)).toEqual(["delivered", "delivered"]);
  });

  it("stop when disabled, and stay within the Party", async () => {
    const { c: chile } = await signedIn(app, ctx, "admin.cl2@example.org", "party_admin", "CL");
    expect((await chile.delete(`/api/webhooks/${hookId}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/webhooks/${hookId}`)).statusCode).toBe(204);
    const before = receiver.received.length;
    expect((await secretariat.post("/api/directory/releases", { version: "2025-01", notes: "" })).statusCode).toBe(201);
    await deliverDue(ctx, null);
    expect(receiver.received).toHaveLength(before);
  });

  it("refuse, outside demo mode, an address that is not https or is internal, naming the field", async () => {
    const prod = { ...ctx, config: { ...ctx.config, demo: false } };
    const prodApp = await buildApp(prod);
    const { c } = await signedIn(prodApp, prod, "admin2.fi@example.org", "party_admin", "FI");
    for (const bad of [url, "https://127.0.0.1/vigil", "https://10.0.0.5/vigil"]) {
      const res = await c.post("/api/webhooks", { url: bad, events: ["directory.reminder"] });
      expect(res.statusCode, bad).toBe(400);
      expect(res.data.error.issues[0].path).toBe("body.url");
    }
    await prodApp.close();
  });
});
