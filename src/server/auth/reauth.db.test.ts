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
import { totpCodeAt } from "./totp";

const clock = new ManualClock("2026-11-23T09:00:00Z");
let ctx: AppContext;
let app: FastifyInstance;
let admin: TestClient;
let secret: string;

const MINUTE = 60_000;

/** A sensitive action of a Party admin: creating an API token. */
const createToken = () => admin.post("/api/api-tokens", { name: "Case system", scopes: ["directory:read"] });

async function lastAudit(action: string) {
  const [row] = await ctx.db.tx((tx) =>
    tx.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1),
  );
  return row;
}

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await makeParty(ctx, "XA");
  const made = await makeUser(ctx, { email: "admin.xa@example.org", role: "party_admin", party: "XA" });
  secret = made.totpSecret as string;
  app = await buildApp(ctx);
  admin = new TestClient(app);
  await admin.post("/api/auth/sign-in", { email: "admin.xa@example.org", password: TEST_PASSWORD });
  const res = await admin.post("/api/auth/totp", { code: totpCodeAt(secret, clock.now()) });
  expect(res.statusCode).toBe(200);
});

afterAll(async () => {
  await app?.close();
});

describe("re-authentication before sensitive actions", () => {
  it("lets a sensitive action through just after sign-in", async () => {
    clock.advance(9 * MINUTE);
    expect((await createToken()).statusCode).toBe(201);
  });

  it("asks for password and second factor again once the sign-in is older than 10 minutes", async () => {
    clock.advance(2 * MINUTE);
    const refused = await createToken();
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.code).toBe("reauth_required");
    // Everyday routes are not affected.
    expect((await admin.get("/api/api-tokens")).statusCode).toBe(200);
    // Nor is the session ended: it is still the same user.
    expect((await admin.get("/api/auth/session")).data.user.email).toBe("admin.xa@example.org");
    // Other sensitive actions are refused the same way.
    expect(
      (
        await admin.post("/api/webhooks", {
          url: "https://hooks.example.org/vigil",
          events: ["directory.release_published"],
        })
      ).data.error?.code,
    ).toBe("reauth_required");
    expect((await admin.post("/api/me/security-keys/options")).data.error.code).toBe("reauth_required");
  });

  it("refuses a wrong password or a wrong code, and counts the failure", async () => {
    const wrongPassword = await admin.post("/api/auth/reauth", {
      password: "not the password",
      code: totpCodeAt(secret, clock.now()),
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.data.error.code).toBe("invalid_credentials");
    const wrongCode = await admin.post("/api/auth/reauth", { password: TEST_PASSWORD, code: "000000" });
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.data.error.code).toBe("invalid_code");
    expect((await lastAudit("auth.reauth_failed"))?.targetId).toBeDefined();
    const noFactor = await admin.post("/api/auth/reauth", { password: TEST_PASSWORD });
    expect(noFactor.statusCode).toBe(400);
    // Still refused.
    expect((await createToken()).data.error.code).toBe("reauth_required");
  });

  it("needs the CSRF token like any other write", async () => {
    const res = await admin.post(
      "/api/auth/reauth",
      { password: TEST_PASSWORD, code: totpCodeAt(secret, clock.now()) },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(res.data.error.code).toBe("csrf_token_invalid");
  });

  it("accepts password and a fresh code, records it, and the action then goes through for 10 minutes", async () => {
    const res = await admin.post("/api/auth/reauth", {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(res.statusCode).toBe(204);
    expect((await lastAudit("auth.reauth"))?.details).toEqual({ method: "totp" });
    expect((await createToken()).statusCode).toBe(201);
    // The same code cannot be used twice.
    const replay = await admin.post("/api/auth/reauth", {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(replay.data.error.code).toBe("invalid_code");
    clock.advance(10 * MINUTE + 1);
    expect((await createToken()).data.error.code).toBe("reauth_required");
  });

  it("does not ask an API token (not a session) on the export routes it may call", async () => {
    clock.advance(MINUTE);
    await admin.post("/api/auth/reauth", { password: TEST_PASSWORD, code: totpCodeAt(secret, clock.now()) });
    const created = await createToken();
    expect(created.statusCode).toBe(201);
    clock.advance(60 * MINUTE);
    const res = await app.inject({
      method: "GET",
      url: "/api/directory/releases/none/export?format=csv",
      headers: { authorization: `Bearer ${created.data.token}` },
    });
    // The release does not exist: the token got past the guard without any re-authentication.
    expect(res.statusCode).toBe(404);
    expect((await admin.get("/api/directory/releases/none/export?format=csv")).data.error.code).toBe("reauth_required");
  });
});
