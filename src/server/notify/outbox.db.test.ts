import { count, isNotNull, like } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn } from "../../../test/harness/http";
import { TestSmtpServer } from "../../../test/harness/smtp";
import { buildApp } from "../app";
import { users } from "../auth/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { smtpTransport } from "./mail-transport";
import { backoffMs, deliverDue, enqueueEmails, outboxCounts } from "./outbox";
import { outbox } from "./tables";

let ctx: AppContext;
let app: FastifyInstance;
const smtp = new TestSmtpServer();
const clock = new ManualClock("2026-11-23T09:00:00Z");

beforeAll(async () => {
  await smtp.start();
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "smtp", url: smtp.url, from: "Vigil <vigil@example.org>" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await smtp.stop();
  await app.close();
  await ctx.db.close();
});

describe("e-mail through the outbox", () => {
  it("loses nothing during an SMTP outage and delivers every member's mail exactly once", async () => {
    const { c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null);
    const members = await ctx.db.tx(
      async (tx) => (await tx.select({ n: count() }).from(users).where(isNotNull(users.email)))[0]?.n ?? 0,
    );
    const mail = smtpTransport(smtp.url, "Vigil <vigil@example.org>");
    await smtp.stop();

    expect((await secretariat.post("/api/directory/releases", { version: "2024-12", notes: "" })).statusCode).toBe(201);
    const down = await deliverDue(ctx, mail);
    expect(down).toMatchObject({ delivered: 0, retried: members });
    expect(smtp.received).toHaveLength(0);

    await smtp.start(); // same port
    // Not yet due: the back-off holds the retry.
    expect((await deliverDue(ctx, mail)).delivered).toBe(0);
    clock.advance(backoffMs(1));
    // Two workers at once (two instances): each row goes to exactly one of them.
    const [a, b] = await Promise.all([deliverDue(ctx, mail, 5), deliverDue(ctx, mail, 5)]);
    expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(members);
    expect(await deliverDue(ctx, mail)).toMatchObject({ delivered: 0, retried: 0 });

    const releaseMails = smtp.received.filter((m) => m.subject?.includes("2024-12"));
    expect(releaseMails).toHaveLength(members);
    const recipients = releaseMails.flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(members);
    expect(new Set(releaseMails.map((m) => m.messageId)).size).toBe(members);
    expect(await ctx.db.tx((tx) => outboxCounts(tx))).toEqual({ delivered: members });
    mail.close();
  });

  it("writes each e-mail in the recipient's language and never the content of the change", async () => {
    const fr = smtp.received.find((m) => m.to.includes("admin.ro@example.org"));
    expect(fr?.subject).toContain("Version 2024-12 de l'annuaire");
    expect(fr?.text).toContain(`${ctx.config.publicUrl}/directory/releases?version=2024-12`);
    expect(fr?.text).toContain("Ouvrir dans Vigil");
    const en = smtp.received.find((m) => m.to.includes("officer.ro@example.org"));
    expect(en?.subject).toContain("Directory version 2024-12 published");
    // A release notification says that there is one, not what is in it.
    expect(en?.text).not.toMatch(/\+99\d{5}/);
  });

  it("queues nothing when e-mail is off", async () => {
    const off = { ...ctx, config: { ...ctx.config, mail: { kind: "off" as const } } };
    const offApp = await buildApp(off);
    const { c } = await signedIn(offApp, off, "desk2@example.org", "secretariat", null);
    const before = await ctx.db.tx((tx) => outboxCounts(tx));
    expect((await c.post("/api/directory/releases", { version: "2025-01", notes: "" })).statusCode).toBe(201);
    expect(await ctx.db.tx((tx) => outboxCounts(tx))).toEqual(before);
    await offApp.close();
  });

  it("sends a batch over several open SMTP connections at once, each message once, and records each delivery", async () => {
    const at = clock.now();
    const keys = Array.from({ length: 40 }, (_, i) => `pool-test-${i}`);
    await ctx.db.tx((tx) =>
      enqueueEmails(
        tx,
        keys.map((key, i) => ({
          userId: null,
          key,
          payload: {
            to: `pool${i}@example.org`,
            locale: "en" as const,
            kind: "directory.release_published",
            params: { version: "2025-02" },
            link: null,
          },
        })),
        at,
      ),
    );
    const mail = smtpTransport(smtp.url, "Vigil <vigil@example.org>", { pool: 4 });
    expect(mail.concurrency).toBe(4);
    // Batches of 15: three claims, the last one short.
    expect(await deliverDue(ctx, mail, 15)).toMatchObject({ delivered: 40, retried: 0, failed: 0 });
    mail.close();
    const got = smtp.received.filter((m) => m.messageId?.startsWith("<pool-test-"));
    expect(got.map((m) => m.messageId).sort()).toEqual(keys.map((k) => `<${k}@vigil>`).sort());
    const rows = await ctx.db.tx((tx) =>
      tx
        .select({ status: outbox.status, deliveredAt: outbox.deliveredAt })
        .from(outbox)
        .where(like(outbox.idempotencyKey, "pool-test-%")),
    );
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      expect(r.status).toBe("delivered");
      expect(r.deliveredAt).toBeInstanceOf(Date);
    }
  });
});
