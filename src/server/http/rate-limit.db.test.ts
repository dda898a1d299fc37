import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser, TEST_PASSWORD } from "../../../test/harness/factories";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import type { Database } from "../db/database";
import { purgeRateLimits } from "./rate-limit";
import { rateLimits } from "./tables";

const clock = new ManualClock("2026-11-23T09:00:10Z");
let db: Database;
let ctx: AppContext;
let app: FastifyInstance;
let other: FastifyInstance;

const LIMIT = 3;

beforeAll(async () => {
  db = await testDatabase();
  const base = testContext(db, clock);
  ctx = {
    ...base,
    config: {
      ...base.config,
      trustProxy: true,
      rateLimits: { signIn: { limit: LIMIT, windowMs: 15 * 60_000 }, links: { limit: LIMIT, windowMs: 60_000 } },
    },
  };
  await makeUser(ctx, { email: "officer@example.org", role: "secretariat", party: null });
  app = await buildApp(ctx);
  // A second instance of Vigil on the same database: the counters are shared.
  other = await buildApp(ctx);
});

afterAll(async () => {
  await app?.close();
  await other?.close();
});

const signIn = (instance: FastifyInstance, ip: string, password = "wrong password") =>
  instance.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: { "x-forwarded-for": ip },
    payload: { email: "officer@example.org", password },
  });

describe("rate limits per client address", () => {
  it("answers 429 with Retry-After past the sign-in allowance, counted across instances", async () => {
    expect((await signIn(app, "192.0.2.10")).statusCode).toBe(401);
    expect((await signIn(other, "192.0.2.10")).statusCode).toBe(401);
    expect((await signIn(app, "192.0.2.10")).statusCode).toBe(401);
    // The fourth attempt, on the other instance, is over the limit even with the right password.
    const refused = await signIn(other, "192.0.2.10", TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    // The window started at 09:00:00 and lasts 15 minutes; it is 09:00:10.
    expect(refused.headers["retry-after"]).toBe(String(15 * 60 - 10));
    expect(refused.json().error.code).toBe("rate_limited");
    expect(refused.json().error.message).toMatch(/Too many attempts from your address\. Wait 890 seconds/);
    // Security headers are on the refusal too.
    expect(refused.headers["x-content-type-options"]).toBe("nosniff");

    // Another address (X-Forwarded-For, since TRUST_PROXY is on) is not affected.
    expect((await signIn(app, "198.51.100.7", TEST_PASSWORD)).statusCode).toBe(200);

    // The second factor's step shares the allowance.
    const code = await app.inject({
      method: "POST",
      url: "/api/auth/totp",
      headers: { "x-forwarded-for": "192.0.2.10" },
      payload: { code: "123456" },
    });
    expect(code.statusCode).toBe(429);

    // The next window starts afresh.
    clock.advance(15 * 60_000);
    expect((await signIn(app, "192.0.2.10")).statusCode).toBe(401);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY (the socket's address counts)", async () => {
    const direct = await buildApp({ ...ctx, config: { ...ctx.config, trustProxy: false } });
    try {
      for (let i = 0; i < LIMIT; i++) {
        const res = await direct.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          remoteAddress: "203.0.113.5",
          headers: { "x-forwarded-for": `10.0.0.${i}` },
          // An unknown account: failures here do not lock officer@ (five would).
          payload: { email: "nobody@example.org", password: "wrong password" },
        });
        expect(res.statusCode).toBe(401);
      }
      const res = await direct.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        remoteAddress: "203.0.113.5",
        headers: { "x-forwarded-for": "10.0.0.99" },
        payload: { email: "officer@example.org", password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it("limits the unauthenticated calendar feed links", async () => {
    const feed = () =>
      app.inject({
        method: "GET",
        url: "/calendar/abcdefghijklmnopqrstuvwxyz0123456789.ics",
        headers: { "x-forwarded-for": "192.0.2.77" },
      });
    for (let i = 0; i < LIMIT; i++) expect((await feed()).statusCode).toBe(404);
    const refused = await feed();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("purges windows that are over", async () => {
    const before = await db.tx((tx) => tx.select().from(rateLimits));
    expect(before.length).toBeGreaterThan(0);
    clock.advance(24 * 3_600_000);
    const removed = await db.tx((tx) => purgeRateLimits(tx, new Date(clock.now().getTime() - 60 * 60_000)));
    expect(removed).toBe(before.length);
  });
});
