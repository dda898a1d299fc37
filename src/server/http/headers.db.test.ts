import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { buildApp } from "../app";
import type { AppContext } from "../context";
import type { Database } from "../db/database";

let db: Database;
let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  ctx = testContext(db);
  app = await buildApp(ctx);
});

afterAll(async () => {
  await app?.close();
});

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const h = res.headers;
  expect(h["content-security-policy"]).toMatch(/default-src 'self'; script-src 'self';/);
  expect(h["content-security-policy"]).toMatch(/object-src 'none'; frame-ancestors 'none'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toMatch(/camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["cross-origin-resource-policy"]).toBe("same-origin");
  expect(h["x-powered-by"]).toBeUndefined();
}

describe("security headers", () => {
  // Answers of 200 and static files: test/browser/security-keys.test.ts (the built web client).
  it("are on API answers, refusals, unknown paths, errors and unauthenticated links", async () => {
    const answers = await Promise.all([
      app.inject({ method: "GET", url: "/api/auth/session" }), // 401
      app.inject({ method: "GET", url: "/api/no-such-route" }), // 404
      app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "not an address" } }), // 400
      app.inject({ method: "GET", url: "/calendar/abcdefghijklmnopqrstuvwxyz.ics" }), // 404, not JSON API
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([401, 404, 400, 404]);
    for (const res of answers) expectSecurityHeaders(res);
    // No HSTS when Vigil is reached over plain http (localhost).
    for (const res of answers) expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("add HSTS when the public address is https", async () => {
    const https = await buildApp({ ...ctx, config: { ...ctx.config, publicUrl: "https://vigil.example.org" } });
    try {
      const res = await https.inject({ method: "GET", url: "/api/no-such-route" });
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expectSecurityHeaders(res);
    } finally {
      await https.close();
    }
  });
});
