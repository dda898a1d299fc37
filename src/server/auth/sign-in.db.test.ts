import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeParty, makeUser, TEST_PASSWORD } from "../../../test/harness/factories";
import { TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { newKeySpec, parseKeyring } from "../vault/keyring";
import { users } from "./tables";
import { totpCodeAt } from "./totp";
import { sealTotpSecrets } from "./totp-secrets";

let ctx: AppContext;
let app: FastifyInstance;
const clock = new ManualClock("2026-03-01T02:40:00Z");

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  app = await buildApp(ctx);
  await makeParty(ctx, "XA");
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

async function lastAudit(action?: string) {
  return ctx.db.tx(async (tx) => {
    const q = tx.select().from(auditLog);
    const rows = await (action ? q.where(eq(auditLog.action, action)) : q).orderBy(desc(auditLog.id)).limit(1);
    return rows[0];
  });
}

/** A six-digit code that is valid at no step of the window around now. */
function wrongCode(secret: string, salt = 0): string {
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(secret, new Date(clock.now().getTime() + d))));
  for (let n = 100_000 + salt * 7919; ; n++) if (!valid.has(String(n))) return String(n);
}

/** Moves the clock to the next 30-second TOTP step so each sign-in gets a fresh code. */
function nextStep() {
  clock.advance(30_000);
}

async function signedIn(email: string, secret: string): Promise<TestClient> {
  nextStep();
  const c = new TestClient(app);
  const a = await c.post("/api/auth/sign-in", { email, password: TEST_PASSWORD });
  expect(a.statusCode).toBe(200);
  const b = await c.post("/api/auth/totp", { code: totpCodeAt(secret, clock.now()) });
  expect(b.statusCode).toBe(200);
  return c;
}

describe("sign-in with password and TOTP", () => {
  it("signs in, returns the session with the policy's permissions, and audits it", async () => {
    const { user, totpSecret } = await makeUser(ctx, {
      email: "officer1.xa@example.org",
      role: "officer",
      party: "XA",
    });
    const c = new TestClient(app);
    const first = await c.post("/api/auth/sign-in", { email: "Officer1.XA@example.org", password: TEST_PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.data.next).toBe("totp");
    const pendingCookie = c.cookie;
    // The half-signed-in session cannot read protected data.
    const early = await c.get("/api/directory/parties");
    expect(early.statusCode).toBe(401);
    expect(early.data.error.code).toBe("second_factor_required");

    const second = await c.post("/api/auth/totp", { code: totpCodeAt(totpSecret!, clock.now()) });
    expect(second.statusCode).toBe(200);
    expect(second.data.state).toBe("active");
    expect(second.data.user.party.iso2).toBe("XA");
    expect(second.data.permissions).toContain("directory.read");
    expect(second.data.user).not.toHaveProperty("passwordHash");
    // The session token changes when privilege changes.
    expect(c.cookie).toBeDefined();
    expect(c.cookie).not.toBe(pendingCookie);
    const cookieHeader = second.headers["set-cookie"] as string;
    expect(cookieHeader).toMatch(/HttpOnly/);
    expect(cookieHeader).toMatch(/Secure/);
    expect(cookieHeader).toMatch(/SameSite=Strict/);

    const me = await c.get("/api/auth/session");
    expect(me.statusCode).toBe(200);
    expect(me.data.user.id).toBe(user.id);
    const row = await lastAudit("auth.sign_in");
    expect(row?.actorUserId).toBe(user.id);
    expect(row?.details).toEqual({ method: "totp" });
  });

  it("refuses a wrong password with 401 and records the failure", async () => {
    await makeUser(ctx, { email: "officer2.xa@example.org", role: "officer", party: "XA" });
    const c = new TestClient(app);
    const res = await c.post("/api/auth/sign-in", { email: "officer2.xa@example.org", password: "not the password" });
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe("invalid_credentials");
    expect(res.data.error.message).toMatch(/password is wrong/);
    expect(c.cookie).toBeUndefined();
    expect((await lastAudit())?.action).toBe("auth.sign_in_failed");
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const res = await new TestClient(app).post("/api/auth/sign-in", {
      email: "nobody@example.org",
      password: "whatever",
    });
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe("invalid_credentials");
  });

  it("refuses a bad TOTP code with 401, and a code already used", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer3.xa@example.org", role: "officer", party: "XA" });
    nextStep();
    const c = new TestClient(app);
    await c.post("/api/auth/sign-in", { email: "officer3.xa@example.org", password: TEST_PASSWORD });
    const good = totpCodeAt(totpSecret!, clock.now());
    const res = await c.post("/api/auth/totp", { code: wrongCode(totpSecret!) });
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe("invalid_code");
    expect((await c.post("/api/auth/totp", { code: good })).statusCode).toBe(200);

    // Replaying the same code in a second sign-in within its 30 s window is refused.
    const again = new TestClient(app);
    await again.post("/api/auth/sign-in", { email: "officer3.xa@example.org", password: TEST_PASSWORD });
    const replay = await again.post("/api/auth/totp", { code: good });
    expect(replay.statusCode).toBe(401);
  });

  it("refuses malformed input with a 400 that names the field", async () => {
    const res = await new TestClient(app).post("/api/auth/sign-in", { email: "not-an-email", password: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe("invalid_input");
    expect(res.data.error.issues[0].path).toBe("body.email");
    const notJson = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBeTruthy();
  });

  it("locks the account after five failures, even for the right password, until the lock ends", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer4.xa@example.org", role: "officer", party: "XA" });
    const c = new TestClient(app);
    for (let i = 0; i < 4; i++) {
      expect(
        (await c.post("/api/auth/sign-in", { email: "officer4.xa@example.org", password: "wrong" })).statusCode,
      ).toBe(401);
    }
    const fifth = await c.post("/api/auth/sign-in", { email: "officer4.xa@example.org", password: "wrong" });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.data.error.code).toBe("locked");
    const right = await c.post("/api/auth/sign-in", { email: "officer4.xa@example.org", password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    clock.advance(15 * 60_000 + 1000);
    const later = await c.post("/api/auth/sign-in", { email: "officer4.xa@example.org", password: TEST_PASSWORD });
    expect(later.statusCode).toBe(200);
    expect((await c.post("/api/auth/totp", { code: totpCodeAt(totpSecret!, clock.now()) })).statusCode).toBe(200);
  });

  it("counts bad TOTP codes towards the lock-out", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer5.xa@example.org", role: "officer", party: "XA" });
    const c = new TestClient(app);
    await c.post("/api/auth/sign-in", { email: "officer5.xa@example.org", password: TEST_PASSWORD });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await c.post("/api/auth/totp", { code: wrongCode(totpSecret!, i) })).statusCode);
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses[4]).toBe(423);
    expect((await lastAudit("auth.locked"))?.action).toBe("auth.locked");
  });
});

describe("sessions and CSRF", () => {
  it("refuses an expired session with a clear 401", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer6.xa@example.org", role: "officer", party: "XA" });
    const c = await signedIn("officer6.xa@example.org", totpSecret!);
    expect((await c.get("/api/directory/parties")).statusCode).toBe(200);
    clock.advance(ctx.config.sessionIdleMs + 1000);
    const res = await c.get("/api/directory/parties");
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe("session_expired");
    expect((await c.get("/api/auth/session")).data.error.code).toBe("unauthenticated");
  });

  it("expires a session at its absolute limit even when used all along", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer7.xa@example.org", role: "officer", party: "XA" });
    const c = await signedIn("officer7.xa@example.org", totpSecret!);
    const steps = Math.ceil(ctx.config.sessionMaxMs / (ctx.config.sessionIdleMs / 2));
    let last = 200;
    for (let i = 0; i < steps + 1 && last === 200; i++) {
      clock.advance(ctx.config.sessionIdleMs / 2);
      last = (await c.get("/api/auth/session")).statusCode;
    }
    expect(last).toBe(401);
  });

  it("refuses a state-changing call without the CSRF token, or with a wrong one", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer8.xa@example.org", role: "officer", party: "XA" });
    const c = await signedIn("officer8.xa@example.org", totpSecret!);
    const missing = await c.patch("/api/me/preferences", { locale: "fr" }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.data.error.code).toBe("csrf_token_invalid");
    const wrong = await c.request(
      "PATCH",
      "/api/me/preferences",
      { locale: "fr" },
      { csrf: false, headers: { "x-csrf-token": "forged" } },
    );
    expect(wrong.statusCode).toBe(403);
    const noSignOut = await c.post("/api/auth/sign-out", {}, { csrf: false });
    expect(noSignOut.statusCode).toBe(403);
    const ok = await c.patch("/api/me/preferences", { locale: "fr", timeZone: "Europe/Paris" });
    expect(ok.statusCode).toBe(200);
    expect(ok.data.user.locale).toBe("fr");
    expect(ok.data.user.timeZone).toBe("Europe/Paris");
    const badTz = await c.patch("/api/me/preferences", { timeZone: "Mars/Olympus" });
    expect(badTz.statusCode).toBe(400);
    expect(badTz.data.error.issues[0].path).toBe("body.timeZone");
  });

  it("signs out: the session no longer works", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "officer9.xa@example.org", role: "officer", party: "XA" });
    const c = await signedIn("officer9.xa@example.org", totpSecret!);
    const cookie = c.cookie;
    expect((await c.post("/api/auth/sign-out")).statusCode).toBe(204);
    c.cookie = cookie; // a copy of the old cookie is worthless
    expect((await c.get("/api/auth/session")).statusCode).toBe(401);
    expect((await lastAudit("auth.sign_out"))?.action).toBe("auth.sign_out");
  });
});

describe("authenticator enrolment and recovery codes", () => {
  it("enrols at first sign-in, then accepts each recovery code once", async () => {
    await makeUser(ctx, { email: "new.xa@example.org", role: "party_admin", party: "XA", enrolled: false });
    nextStep();
    const c = new TestClient(app);
    const first = await c.post("/api/auth/sign-in", { email: "new.xa@example.org", password: TEST_PASSWORD });
    expect(first.data.next).toBe("enrol");
    // Not yet signed in: protected routes stay closed.
    expect((await c.get("/api/directory/parties")).statusCode).toBe(401);
    const enrol = await c.get("/api/auth/totp/enrolment");
    expect(enrol.statusCode).toBe(200);
    expect(enrol.data.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.data.otpauthUri).toContain("otpauth://totp/");
    const wrong = await c.post("/api/auth/totp/enrolment", { code: wrongCode(enrol.data.secret) });
    expect(wrong.statusCode).toBe(401);
    const done = await c.post("/api/auth/totp/enrolment", { code: totpCodeAt(enrol.data.secret, clock.now()) });
    expect(done.statusCode).toBe(200);
    expect(done.data.recoveryCodes).toHaveLength(10);
    expect(new Set(done.data.recoveryCodes).size).toBe(10);
    expect(done.data.session.state).toBe("active");
    expect((await c.get("/api/directory/parties")).statusCode).toBe(200);

    const recovery = done.data.recoveryCodes[0] as string;
    const r = new TestClient(app);
    await r.post("/api/auth/sign-in", { email: "new.xa@example.org", password: TEST_PASSWORD });
    const viaRecovery = await r.post("/api/auth/totp", { code: recovery.toUpperCase() });
    expect(viaRecovery.statusCode).toBe(200);
    const r2 = new TestClient(app);
    await r2.post("/api/auth/sign-in", { email: "new.xa@example.org", password: TEST_PASSWORD });
    expect((await r2.post("/api/auth/totp", { code: recovery })).statusCode).toBe(401);
  });
});

describe("unknown API paths", () => {
  it("answers 404 in JSON", async () => {
    const res = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe("not_found");
  });
});

describe("authenticator secrets at rest", () => {
  const storedSecret = async (email: string) =>
    (await ctx.db.tx((tx) => tx.select().from(users).where(eq(users.email, email))))[0]?.totpSecret ?? null;

  it("stores each account's secret sealed and bound to it: a copy on another account does not open", async () => {
    const a = await makeUser(ctx, { email: "sealed.a.xa@example.org", role: "officer", party: "XA" });
    const b = await makeUser(ctx, { email: "sealed.b.xa@example.org", role: "officer", party: "XA" });
    const stored = await storedSecret(a.user.email);
    expect(stored).toMatch(/^sealed:/);
    expect(stored).not.toContain(a.totpSecret as string);
    await signedIn(a.user.email, a.totpSecret as string);

    // B's row now carries A's sealed secret: neither A's code nor B's opens B's account.
    await ctx.db.tx((tx) => tx.update(users).set({ totpSecret: stored }).where(eq(users.id, b.user.id)));
    nextStep();
    const c = new TestClient(app);
    expect((await c.post("/api/auth/sign-in", { email: b.user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    const res = await c.post("/api/auth/totp", { code: totpCodeAt(a.totpSecret as string, clock.now()) });
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe("invalid_code");
  });

  it("seals a secret left in clear by an earlier version, and re-seals under a new key after a rotation", async () => {
    const old = await makeUser(ctx, { email: "legacy.xa@example.org", role: "officer", party: "XA" });
    const secret = old.totpSecret as string;
    await ctx.db.tx((tx) => tx.update(users).set({ totpSecret: secret }).where(eq(users.id, old.user.id)));
    expect(await sealTotpSecrets(ctx.db, ctx.keyring, { reseal: false })).toEqual({ sealed: 1, unreadable: 0 });
    expect(await storedSecret(old.user.email)).toMatch(/^sealed:/);
    expect((await sealTotpSecrets(ctx.db, ctx.keyring, { reseal: false })).sealed).toBe(0);
    await signedIn(old.user.email, secret);

    const first = ctx.keyring;
    const rotated = parseKeyring(
      `${newKeySpec("next")},${[...first.keys].map(([id, k]) => `${id}:${k.toString("base64")}`).join(",")}`,
    );
    const resealed = await sealTotpSecrets(ctx.db, rotated, { reseal: true });
    expect(resealed.sealed).toBeGreaterThanOrEqual(1);
    // The account whose row was tampered with above is left as it is, and counted.
    expect(resealed.unreadable).toBe(1);
    // Everything is under the new key now: the old one can leave the ring.
    ctx.keyring = { current: "next", keys: new Map([["next", rotated.keys.get("next") as Buffer]]) };
    try {
      await signedIn(old.user.email, secret);
      expect((await sealTotpSecrets(ctx.db, rotated, { reseal: true })).sealed).toBe(0);
    } finally {
      ctx.keyring = first;
    }
  });
});
