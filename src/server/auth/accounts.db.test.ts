import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, TestClient } from "../../../test/harness/http";
import { TestSmtpServer } from "../../../test/harness/smtp";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { renderEmail } from "../notify/email-text";
import { smtpTransport } from "../notify/mail-transport";
import { deliverDue, type EmailPayload } from "../notify/outbox";
import { outbox } from "../notify/tables";
import { accountInvitations, sessions, users } from "./tables";
import { totpCodeAt } from "./totp";

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
let secretariat: TestClient;
let roAdmin: { c: TestClient; user: { id: string } };
let clAdmin: TestClient;
let roOfficer: { c: TestClient; user: { id: string; email: string } };

const PASSWORD = "a long enough passphrase 2026";

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-30T09:00:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  secretariat = (await signedIn(app, ctx, "sec.acc@example.org", "secretariat", null)).c;
  roAdmin = await signedIn(app, ctx, "admin.acc.ro@example.org", "party_admin", "RO");
  clAdmin = (await signedIn(app, ctx, "admin.acc.cl@example.org", "party_admin", "CL")).c;
  roOfficer = await signedIn(app, ctx, "duty.acc.ro@example.org", "officer", "RO");
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** The invitation e-mails queued for an address, newest last, with their one-time tokens. */
async function invitationsTo(email: string) {
  const rows = await ctx.db.tx((tx) => tx.select().from(outbox).where(eq(outbox.channel, "email")));
  return rows
    .map((r) => r.payload as EmailPayload)
    .filter((p) => p.to === email && p.kind.startsWith("account."))
    .map((p) => ({ ...p, token: p.link?.replace("/invitation/", "") ?? "" }));
}

async function signInWithPassword(email: string, password: string) {
  const c = new TestClient(app);
  return { c, res: await c.post("/api/auth/sign-in", { email, password }) };
}

describe("accounts managed in Vigil", () => {
  let newId: string;

  it("lets a Party admin invite an officer of its own Party; the e-mail carries a one-time link and nothing else", async () => {
    const res = await roAdmin.c.post("/api/admin/users", {
      email: "New.Officer.RO@example.org",
      displayName: "Ioana Example",
      role: "officer",
      locale: "fr",
      timeZone: "Europe/Bucharest",
    });
    expect(res.statusCode, res.body).toBe(201);
    newId = res.data.id;
    expect(res.data).toMatchObject({
      email: "new.officer.ro@example.org",
      role: "officer",
      party: "RO",
      status: "invited",
      authenticator: false,
    });
    expect(Date.parse(res.data.invitationExpiresAt)).toBe(clock.now().getTime() + 7 * 86_400_000);
    const [mail] = await invitationsTo("new.officer.ro@example.org");
    expect(mail?.kind).toBe("account.invited");
    expect(mail?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = renderEmail(
      mail?.kind as string,
      mail?.params ?? {},
      mail?.link ?? null,
      "fr",
      "https://vigil.example.org",
    );
    expect(text.subject).toBe("[Vigil] Votre compte Vigil");
    expect(text.text).toContain(`https://vigil.example.org/invitation/${mail?.token}`);
    // Only the token's hash is stored.
    const stored = await ctx.db.tx((tx) => tx.select().from(accountInvitations));
    expect(JSON.stringify(stored)).not.toContain(mail?.token as string);
    // No password works before the link is used.
    expect((await signInWithPassword("new.officer.ro@example.org", PASSWORD)).res.statusCode).toBe(401);
  });

  it("refuses what a Party admin may not do: another Party, the Secretariat's roles, bad input", async () => {
    const other = await roAdmin.c.post("/api/admin/users", {
      email: "x.cl@example.org",
      displayName: "X",
      role: "officer",
      party: "CL",
    });
    expect(other.statusCode).toBe(403);
    const sec = await roAdmin.c.post("/api/admin/users", {
      email: "x.sec@example.org",
      displayName: "X",
      role: "secretariat",
    });
    expect(sec.statusCode).toBe(403);
    const bad = await roAdmin.c.post("/api/admin/users", { email: "not an address", displayName: "", role: "officer" });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["body.email", "body.displayName"]),
    );
    const taken = await roAdmin.c.post("/api/admin/users", {
      email: "new.officer.ro@example.org",
      displayName: "Again",
      role: "officer",
    });
    expect(taken.statusCode).toBe(409);
    expect(
      (await roOfficer.c.post("/api/admin/users", { email: "y@example.org", displayName: "Y", role: "officer" }))
        .statusCode,
    ).toBe(403);
    // Chile's admin does not see Romania's accounts, and cannot reach one by id.
    const list = await clAdmin.get("/api/admin/users");
    expect(list.data.items.every((a: { party: string }) => a.party === "CL")).toBe(true);
    expect((await clAdmin.patch(`/api/admin/users/${newId}`, { disabled: true })).statusCode).toBe(404);
    // Nothing was written by the refused calls.
    const count = await ctx.db.tx((tx) => tx.select().from(users).where(eq(users.email, "x.cl@example.org")));
    expect(count).toHaveLength(0);
  });

  it("shows the invitation without recording anything, takes the password once, then the person signs in and enrols", async () => {
    const [mail] = await invitationsTo("new.officer.ro@example.org");
    const token = mail?.token as string;
    const auditBefore = (await ctx.db.tx((tx) => tx.select().from(auditLog))).length;
    const look = await new TestClient(app).get(`/api/invitations/${token}`);
    expect(look.data).toEqual({ status: "valid", email: "new.officer.ro@example.org", displayName: "Ioana Example" });
    expect((await ctx.db.tx((tx) => tx.select().from(auditLog))).length).toBe(auditBefore);

    const short = await new TestClient(app).post(`/api/invitations/${token}`, { password: "short", confirm: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.data.error.issues[0].path).toBe("body.password");
    const differ = await new TestClient(app).post(`/api/invitations/${token}`, {
      password: PASSWORD,
      confirm: "other",
    });
    expect(differ.data.error.issues[0].path).toBe("body.confirm");

    const ok = await new TestClient(app).post(`/api/invitations/${token}`, { password: PASSWORD, confirm: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await new TestClient(app).post(`/api/invitations/${token}`, {
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.code).toBe("invitation_used");
    expect((await new TestClient(app).get(`/api/invitations/${token}`)).data.status).toBe("used");

    const { res } = await signInWithPassword("new.officer.ro@example.org", PASSWORD);
    expect(res.statusCode).toBe(200);
    // No authenticator yet: the first sign-in sets it up.
    expect(res.data.next).toBe("enrol");
  });

  it("refuses forged, truncated and expired links with a clear answer, recording nothing", async () => {
    const forged = "A".repeat(43);
    expect((await new TestClient(app).get(`/api/invitations/${forged}`)).data.status).toBe("unknown");
    expect(
      (await new TestClient(app).post(`/api/invitations/${forged}`, { password: PASSWORD, confirm: PASSWORD }))
        .statusCode,
    ).toBe(404);
    const truncated = await new TestClient(app).get("/api/invitations/abc");
    expect(truncated.statusCode).toBe(400);

    const invited = await secretariat.post("/api/admin/users", {
      email: "late.cl@example.org",
      displayName: "Late Example",
      role: "officer",
      party: "CL",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [mail] = await invitationsTo("late.cl@example.org");
    clock.advance(7 * 86_400_000 + 1000);
    expect((await new TestClient(app).get(`/api/invitations/${mail?.token}`)).data.status).toBe("expired");
    const late = await new TestClient(app).post(`/api/invitations/${mail?.token}`, {
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(late.statusCode).toBe(410);
    expect(late.data.error.code).toBe("invitation_expired");
    expect((await signInWithPassword("late.cl@example.org", PASSWORD)).res.statusCode).toBe(401);
  });

  it("changes roles and disables accounts only after a recent sign-in, ending the account's sessions", async () => {
    // A week has passed: everyone signs in again, and the sign-in is the proof of identity.
    const admin = await signedIn(app, ctx, "admin2.acc.ro@example.org", "party_admin", "RO");
    const officer = await signedIn(app, ctx, "duty2.acc.ro@example.org", "officer", "RO");
    clock.advance(11 * 60_000);
    const stale = await admin.c.patch(`/api/admin/users/${officer.user.id}`, { role: "party_admin" });
    expect(stale.statusCode).toBe(403);
    expect(stale.data.error.code).toBe("reauth_required");

    const fresh = await signedIn(app, ctx, "admin3.acc.ro@example.org", "party_admin", "RO");
    const own = await fresh.c.patch(`/api/admin/users/${fresh.user.id}`, { role: "officer" });
    expect(own.statusCode).toBe(409);
    expect(own.data.error.code).toBe("own_account");
    const promoted = await fresh.c.patch(`/api/admin/users/${officer.user.id}`, { role: "party_admin" });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.data.role).toBe("party_admin");
    // The session with the old rights is gone.
    const left = await ctx.db.tx((tx) => tx.select().from(sessions).where(eq(sessions.userId, officer.user.id)));
    expect(left).toHaveLength(0);
    expect((await officer.c.get("/api/auth/session")).statusCode).toBe(401);

    const disabled = await fresh.c.patch(`/api/admin/users/${officer.user.id}`, { disabled: true });
    expect(disabled.data.status).toBe("disabled");
    const totp = await ctx.db.tx((tx) => tx.select().from(users).where(eq(users.id, officer.user.id)));
    expect(totp[0]?.disabledAt).not.toBeNull();

    const changes = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "account.changed"), eq(auditLog.targetId, officer.user.id))),
    );
    expect(changes.map((c) => c.details)).toEqual([
      { role: { from: "officer", to: "party_admin" } },
      { disabled: true },
    ]);
  });

  it("resets an account: password, authenticator and keys cleared, a new link sent, the old link dead", async () => {
    const admin = await signedIn(app, ctx, "admin4.acc.ro@example.org", "party_admin", "RO");
    const target = await signedIn(app, ctx, "duty4.acc.ro@example.org", "officer", "RO");
    const reset = await admin.c.post(`/api/admin/users/${target.user.id}/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.data).toMatchObject({ status: "invited", authenticator: false, securityKeys: 0 });
    expect((await target.c.get("/api/auth/session")).statusCode).toBe(401);
    const mails = await invitationsTo("duty4.acc.ro@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["account.reset"]);
    // A second reset replaces the first link.
    await admin.c.post(`/api/admin/users/${target.user.id}/reset`);
    const [first, second] = await invitationsTo("duty4.acc.ro@example.org");
    expect((await new TestClient(app).get(`/api/invitations/${first?.token}`)).data.status).toBe("used");
    const ok = await new TestClient(app).post(`/api/invitations/${second?.token}`, {
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const { c, res } = await signInWithPassword("duty4.acc.ro@example.org", PASSWORD);
    expect(res.data.next).toBe("enrol");
    // The enrolment works as at a first sign-in.
    const enrol = await c.get("/api/auth/totp/enrolment");
    expect(enrol.statusCode).toBe(200);
    const confirmed = await c.post("/api/auth/totp/enrolment", {
      code: totpCodeAt(enrol.data.secret, clock.now()),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it("lets the Secretariat list every Party's accounts and filter by Party", async () => {
    const all = await secretariat.get("/api/admin/users");
    expect(all.statusCode).toBe(401); // its session expired a week ago
    const sec = (await signedIn(app, ctx, "sec2.acc@example.org", "secretariat", null)).c;
    const ro = await sec.get("/api/admin/users?party=RO");
    expect(ro.statusCode).toBe(200);
    expect(ro.data.choosesParty).toBe(true);
    expect(ro.data.items.length).toBeGreaterThan(3);
    expect(ro.data.items.every((a: { party: string }) => a.party === "RO")).toBe(true);
    expect(ro.data.assignableRoles).toContain("secretariat");
  });

  it("sends the invitation through a real SMTP server; once delivered, the outbox no longer holds the link", async () => {
    const smtp = await new TestSmtpServer().start();
    try {
      const sec = (await signedIn(app, ctx, "sec3.acc@example.org", "secretariat", null)).c;
      const res = await sec.post("/api/admin/users", {
        email: "mailed.mt@example.org",
        displayName: "M",
        role: "officer",
        party: "MT",
      });
      expect(res.statusCode, res.body).toBe(201);
      const [queued] = await invitationsTo("mailed.mt@example.org");
      expect(queued?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const delivered = await deliverDue(ctx, smtpTransport(smtp.url, "Vigil <vigil@example.org>"));
      expect(delivered.delivered).toBeGreaterThanOrEqual(1);
      expect(smtp.received.some((m) => m.text.includes(`/invitation/${queued?.token}`))).toBe(true);
      const rows = await ctx.db.tx((tx) => tx.select().from(outbox).where(eq(outbox.channel, "email")), SYSTEM_ACTOR);
      const stored = rows.find((r) => (r.payload as EmailPayload).to === "mailed.mt@example.org");
      expect(stored?.status).toBe("delivered");
      expect((stored?.payload as EmailPayload | undefined)?.link).toBeNull();
      expect(JSON.stringify(rows)).not.toContain(queued?.token as string);
      // The link still works: the secret lives in the e-mail only.
      expect((await new TestClient(app).get(`/api/invitations/${queued?.token}`)).data.status).toBe("valid");
    } finally {
      await smtp.stop();
    }
  });
});
