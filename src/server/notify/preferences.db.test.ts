import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { mailboxTransport } from "./mail-transport";
import { notify } from "./notifications";
import { deliverDue } from "./outbox";
import { devMailbox, notificationPreferences, notificationQuietHours, notifications, outbox } from "./tables";

// Preferences through the API, applied by notify() on the real paths (publishing a release), on
// PGlite and PostgreSQL. E-mail goes to the development mailbox (demo configuration).

// Sessions last 2 idle hours: the tests start close to the evening they need.
const clock = new ManualClock("2026-11-23T21:00:00Z");
let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
/** Turns e-mail off for releases. */
let quietMail: { c: TestClient; user: UserRow };
/** Bucharest time, quiet from 22:00 to 07:00. */
let sleeper: { c: TestClient; user: UserRow };

const PATH = "/api/me/notification-preferences";

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  expect(ctx.config.mail.kind).toBe("mailbox");
  await makeParty(ctx, "XA");
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  quietMail = await signedIn(app, ctx, "no-mail.xa@example.org", "officer", "XA");
  sleeper = await signedIn(app, ctx, "sleeper.xa@example.org", "party_admin", "XA");
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const rowsOf = <T extends { userId: string | null }>(rows: T[], user: UserRow) =>
  rows.filter((r) => r.userId === user.id);
const allNotifications = () => ctx.db.tx((tx) => tx.select().from(notifications));
const allOutbox = () => ctx.db.tx((tx) => tx.select().from(outbox));
const auditCount = async () =>
  ctx.db.tx(async (tx) => (await tx.select({ n: count() }).from(auditLog))[0]?.n ?? 0, SYSTEM_ACTOR);

describe("notification preferences", () => {
  it("start from the catalogue's defaults, showing only the kinds that can reach the user", async () => {
    const res = await quietMail.c.get(PATH);
    expect(res.statusCode).toBe(200);
    expect(res.data.quietHours).toBeNull();
    expect(res.data.timeZone).toBe("UTC");
    expect(res.data.emailAvailable).toBe(true);
    const byKind = new Map(res.data.channels.map((c: { kind: string }) => [c.kind, c]));
    expect(byKind.get("directory.release_published")).toEqual({
      kind: "directory.release_published",
      urgency: "normal",
      locked: false,
      mayBeEmergency: false,
      inApp: true,
      email: true,
    });
    expect(byKind.get("ping.received")).toMatchObject({ urgency: "emergency", locked: true });
    expect(byKind.get("request.received")).toMatchObject({ urgency: "normal", locked: false, mayBeEmergency: true });
    // Proposals are reviewed by the Secretariat: an officer is never told one was submitted.
    expect(byKind.has("directory.proposal_submitted")).toBe(false);
  });

  it("are saved whole, with an audit record", async () => {
    const before = await auditCount();
    const res = await quietMail.c.put(PATH, {
      channels: [
        { kind: "directory.release_published", inApp: true, email: false },
        { kind: "directory.reminder", inApp: true, email: true }, // the default: nothing to store
        { kind: "ping.received", inApp: true, email: true }, // locked rows may be sent as they are
      ],
      quietHours: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.channels.find((c: { kind: string }) => c.kind === "directory.release_published")).toMatchObject({
      inApp: true,
      email: false,
    });
    const stored = await ctx.db.tx((tx) =>
      tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, quietMail.user.id)),
    );
    expect(stored.map((r) => [r.kind, r.inApp, r.email])).toEqual([["directory.release_published", true, false]]);
    expect(await auditCount()).toBe(before + 1);
    const [audit] = await ctx.db.tx(
      (tx) =>
        tx
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, "user.notification_preferences_changed"),
              eq(auditLog.actorUserId, quietMail.user.id),
            ),
          ),
      SYSTEM_ACTOR,
    );
    expect(audit?.details).toMatchObject({
      channels: { "directory.release_published": { inApp: true, email: false } },
    });

    expect((await sleeper.c.patch("/api/me/preferences", { timeZone: "Europe/Bucharest" })).statusCode).toBe(200);
    const quiet = await sleeper.c.put(PATH, {
      channels: [{ kind: "request.received", inApp: false, email: false }],
      quietHours: { start: "22:00", end: "07:00" },
    });
    expect(quiet.statusCode).toBe(200);
    expect(quiet.data).toMatchObject({ quietHours: { start: "22:00", end: "07:00" }, timeZone: "Europe/Bucharest" });
  });

  it("refuse bad input with 400 naming the field, and write nothing", async () => {
    const before = { prefs: (await quietMail.c.get(PATH)).data, audit: await auditCount() };
    const bad = [
      {
        body: { channels: [{ kind: "directory.nonsense", inApp: true, email: true }], quietHours: null },
        path: "body.channels.0.kind",
        message: "Unknown notification kind",
      },
      {
        // A valid change before the bad time: it must not be half-saved.
        body: {
          channels: [{ kind: "directory.reminder", inApp: false, email: false }],
          quietHours: { start: "25:00", end: "07:00" },
        },
        path: "body.quietHours.start",
        message: "Use a 24-hour time from 00:00 to 23:59, such as 22:00",
      },
      {
        body: { channels: [], quietHours: { start: "22:00", end: "22:00" } },
        path: "body.quietHours.end",
        message: "Quiet hours must end at another time than they start",
      },
      {
        body: { channels: [{ kind: "ping.received", inApp: true, email: false }], quietHours: null },
        path: "body.channels.0",
        message: "Emergency notifications cannot be switched off",
      },
      {
        body: {
          channels: [
            { kind: "directory.reminder", inApp: true, email: false },
            { kind: "directory.reminder", inApp: true, email: true },
          ],
          quietHours: null,
        },
        path: "body.channels.1.kind",
        message: "Listed twice",
      },
      { body: { channels: [] }, path: "body.quietHours", message: expect.any(String) },
    ];
    for (const b of bad) {
      const res = await quietMail.c.put(PATH, b.body);
      expect(res.statusCode, JSON.stringify(b.body)).toBe(400);
      expect(res.data.error.code).toBe("invalid_input");
      expect(res.data.error.issues).toContainEqual({ path: b.path, message: b.message });
    }
    expect((await quietMail.c.get(PATH)).data).toEqual(before.prefs);
    expect(await auditCount()).toBe(before.audit);
    expect(
      await ctx.db.tx((tx) =>
        tx.select().from(notificationQuietHours).where(eq(notificationQuietHours.userId, quietMail.user.id)),
      ),
    ).toEqual([]);
  });

  it("apply when a release is published: no e-mail for who turned it off, held e-mail in quiet hours", async () => {
    // 21:30 UTC: 23:30 in Bucharest (quiet), 21:30 for the UTC users (not quiet).
    clock.set("2026-11-23T21:30:00Z");
    const at = clock.now();
    const res = await secretariat.post("/api/directory/releases", { version: "2026-11", notes: "" });
    expect(res.statusCode).toBe(201);

    const inApp = (await allNotifications()).filter((n) => n.kind === "directory.release_published");
    const mail = await allOutbox();
    // E-mail off: told in-app, no outbox row.
    expect(rowsOf(inApp, quietMail.user)).toHaveLength(1);
    expect(rowsOf(mail, quietMail.user)).toEqual([]);
    // Quiet hours: told in-app at once; the e-mail is written now, due at 07:00 Bucharest (05:00 UTC).
    expect(rowsOf(inApp, sleeper.user)).toHaveLength(1);
    const held = rowsOf(mail, sleeper.user);
    expect(held).toHaveLength(1);
    expect(held[0]?.createdAt).toEqual(at);
    expect(held[0]?.nextAttemptAt.toISOString()).toBe("2026-11-24T05:00:00.000Z");
    // Everyone else: at once.
    const others = mail.filter((r) => r.userId !== sleeper.user.id);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.nextAttemptAt).toEqual(at);

    const transport = mailboxTransport(ctx.db);
    const sent = async () =>
      (await ctx.db.tx((tx) => tx.select().from(devMailbox))).filter((m) => m.to === "sleeper.xa@example.org");
    await deliverDue(ctx, transport);
    expect(await sent()).toEqual([]);
    clock.set("2026-11-24T04:59:00Z");
    await deliverDue(ctx, transport);
    expect(await sent()).toEqual([]);
    clock.set("2026-11-24T05:00:00Z");
    expect((await deliverDue(ctx, transport)).delivered).toBe(1);
    expect((await sent())[0]?.subject).toContain("2026-11");
  });

  it("never hold nor switch off an emergency, even in quiet hours", async () => {
    clock.set("2026-11-24T22:30:00Z"); // 00:30 in Bucharest
    const at = clock.now();
    const send = (kind: "ping.received" | "request.received", urgency?: "emergency" | "normal") =>
      ctx.db.tx(
        (tx) => notify(tx, { userIds: [sleeper.user.id] }, { kind, urgency, link: "/pings" }, at, { email: true }),
        SYSTEM_ACTOR,
      );
    await send("ping.received");
    // The sleeper switched requests off: a normal one does not reach them at all, an urgent one does.
    await send("request.received", "normal");
    await send("request.received", "emergency");
    const mine = rowsOf(await allNotifications(), sleeper.user).filter((n) => n.createdAt.getTime() === at.getTime());
    expect(mine.map((n) => n.kind).sort()).toEqual(["ping.received", "request.received"]);
    const mail = rowsOf(await allOutbox(), sleeper.user).filter((r) => r.createdAt.getTime() === at.getTime());
    expect(mail.map((r) => (r.payload as { kind: string }).kind).sort()).toEqual(["ping.received", "request.received"]);
    for (const r of mail) expect(r.nextAttemptAt).toEqual(at);
    // Due now: the worker sends both at once.
    expect((await deliverDue(ctx, mailboxTransport(ctx.db))).delivered).toBe(2);
  });
});
