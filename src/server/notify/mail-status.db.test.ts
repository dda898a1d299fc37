import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, TestClient } from "../../../test/harness/http";
import { TestSmtpServer } from "../../../test/harness/smtp";
import { buildApp } from "../app";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { smtpTransport } from "./mail-transport";
import { backoffMs, deliverDue, enqueueEmail } from "./outbox";

// The Secretariat sees whether e-mail works: the real SMTP test server stopped (error shown, mail
// queued), then started ("Check again": ok, the queue drains). The password in the URL never shows.

const PASSWORD = "Pw-99/secret";
const USER = "vigil-mailer";
const clock = new ManualClock("2026-11-23T09:00:00Z");
const smtp = new TestSmtpServer();
let url: string;
let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let officer: { c: TestClient; user: UserRow };

const STATUS = "/api/admin/mail-status";

function expectNoSecret(body: string): void {
  expect(body).not.toContain(PASSWORD);
  expect(body).not.toContain(encodeURIComponent(PASSWORD));
  expect(body).not.toContain(USER);
}

beforeAll(async () => {
  // A port where the server will run, stopped for now: an outage from the start.
  await smtp.start();
  await smtp.stop();
  url = `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}`;
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "smtp", url, from: "Vigil <vigil@example.org>" } };
  await makeParty(ctx, "XA");
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  officer = await signedIn(app, ctx, "admin.xa@example.org", "party_admin", "XA");
});
afterAll(async () => {
  await smtp.stop();
  await app.close();
  await ctx.db.close();
});

describe("e-mail status on the Administration page", () => {
  it("is for the Secretariat only", async () => {
    expect((await officer.c.get(STATUS)).statusCode).toBe(403);
    expect((await officer.c.post(`${STATUS}/check`)).statusCode).toBe(403);
  });

  it("names the server without its credentials before any check", async () => {
    const res = await secretariat.get(STATUS);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ mode: "smtp", server: `127.0.0.1:${smtp.port}`, tls: false, verification: null });
    expectNoSecret(res.body);
  });

  it("shows an unreachable server and the mail waiting for it", async () => {
    const res = await secretariat.post(`${STATUS}/check`);
    expect(res.statusCode).toBe(200);
    expect(res.data.verification).toMatchObject({ ok: false, checkedAt: clock.now().toISOString() });
    expect(res.data.verification.error).toContain("ECONNREFUSED");
    expectNoSecret(res.body);

    // Mail for the officer is queued meanwhile; one more is held by their quiet hours until 07:00.
    const queuedAt = clock.now();
    await ctx.db.tx(async (tx) => {
      const payload = { to: "admin.xa@example.org", locale: "en" as const, kind: "directory.reminder", link: "/" };
      await enqueueEmail(tx, officer.user.id, { ...payload, params: { party: "XA" } }, "status-1", queuedAt);
      const later = new Date(queuedAt.getTime() + 8 * 3_600_000);
      await enqueueEmail(tx, officer.user.id, { ...payload, params: { party: "XA" } }, "status-2", queuedAt, later);
    }, SYSTEM_ACTOR);
    const mail = smtpTransport(url, "Vigil <vigil@example.org>");
    expect(await deliverDue(ctx, mail)).toMatchObject({ delivered: 0, retried: 1 });
    clock.advance(5 * 60_000);

    const status = await secretariat.get(STATUS);
    expect(status.data.outbox).toMatchObject({
      waiting: 1,
      heldForQuietHours: 1,
      failed: 0,
      oldestWaitingSince: queuedAt.toISOString(),
      oldestWaitingSeconds: 300,
      lastDeliveredAt: null,
    });
    expect(status.data.outbox.lastError).toContain("ECONNREFUSED");
    expectNoSecret(status.body);
    mail.close();
  });

  it("turns ok when the server is back, and the queue drains", async () => {
    await smtp.start(); // same port
    const res = await secretariat.post(`${STATUS}/check`);
    expect(res.data.verification).toMatchObject({ ok: true, error: null, checkedAt: clock.now().toISOString() });

    clock.advance(backoffMs(1));
    const mail = smtpTransport(url, "Vigil <vigil@example.org>");
    expect((await deliverDue(ctx, mail)).delivered).toBe(1);
    mail.close();
    const status = await secretariat.get(STATUS);
    expect(status.data.outbox).toMatchObject({
      waiting: 0,
      heldForQuietHours: 1,
      oldestWaitingSince: null,
      lastError: null,
      lastDeliveredAt: clock.now().toISOString(),
    });
    expect(smtp.received.map((m) => m.to)).toEqual([["admin.xa@example.org"]]);
  });

  it("says where mail goes when there is no SMTP server", async () => {
    for (const mail of [{ kind: "mailbox" as const, from: "Vigil <vigil@example.org>" }, { kind: "off" as const }]) {
      const other = await buildApp({ ...ctx, config: { ...ctx.config, mail } });
      // Same database, same session: another instance's configuration.
      const c = Object.assign(new TestClient(other), { cookie: secretariat.cookie, csrf: secretariat.csrf });
      const res = await c.post(`${STATUS}/check`);
      expect(res.statusCode).toBe(200);
      expect(res.data).toMatchObject({ mode: mail.kind, server: null, tls: null, verification: null });
      await other.close();
    }
  });
});
