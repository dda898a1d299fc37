import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/harness/context";
import { testDatabase } from "../../test/harness/db";
import { makeParty, makeUser, TEST_PASSWORD } from "../../test/harness/factories";
import { TestClient } from "../../test/harness/http";
import { buildApp } from "./app";
import { totpCodeAt } from "./auth/totp";
import { ManualClock } from "./clock";
import type { AppContext } from "./context";
import { createLogger, redactSecrets } from "./logger";

const clock = new ManualClock("2026-11-23T09:00:00Z");
let lines = "";
let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines += String(chunk);
      done();
    },
  });
  // The most talkative level: every line Fastify and Vigil can write.
  ctx = { ...testContext(await testDatabase(), clock), log: createLogger("trace", sink) };
  await makeParty(ctx, "XA");
  app = await buildApp(ctx);
});

afterAll(async () => {
  await app?.close();
});

describe("secrets never in logs", () => {
  it("keeps passwords, codes, cookies, CSRF and API tokens, calendar URLs and WebAuthn data out", async () => {
    const { totpSecret } = await makeUser(ctx, { email: "admin.xa@example.org", role: "party_admin", party: "XA" });
    const c = new TestClient(app);
    const secrets: Record<string, string> = {};

    // Sign-in: a wrong password first (its value must not show either), then the right one and the code.
    const wrongPassword = "Wrong-horse-9481-password";
    await c.post("/api/auth/sign-in", { email: "admin.xa@example.org", password: wrongPassword });
    secrets.wrongPassword = wrongPassword;
    await c.post("/api/auth/sign-in", { email: "admin.xa@example.org", password: TEST_PASSWORD });
    secrets.password = TEST_PASSWORD;
    secrets.pendingCookie = c.cookie as string;
    secrets.pendingCsrf = c.csrf as string;
    // A security key's answer to the second step (refused: no key, no challenge).
    const webauthn = {
      id: "Y3JlZGVudGlhbC1pZC1zZWNyZXQtMDEyMzQ1Njc4OQ",
      rawId: "Y3JlZGVudGlhbC1pZC1zZWNyZXQtMDEyMzQ1Njc4OQ",
      type: "public-key",
      response: {
        clientDataJSON: "Y2xpZW50LWRhdGEtanNvbi1zZWNyZXQtdmFsdWU",
        authenticatorData: "YXV0aGVudGljYXRvci1kYXRhLXNlY3JldC12YWx1ZQ",
        signature: "c2lnbmF0dXJlLXNlY3JldC12YWx1ZS0wMTIzNDU2Nzg5",
      },
      clientExtensionResults: {},
    };
    await c.post("/api/auth/security-key", { response: webauthn });
    Object.assign(secrets, {
      credentialId: webauthn.id,
      clientData: webauthn.response.clientDataJSON,
      authenticatorData: webauthn.response.authenticatorData,
      signature: webauthn.response.signature,
    });
    const code = totpCodeAt(totpSecret as string, clock.now());
    expect((await c.post("/api/auth/totp", { code })).statusCode).toBe(200);
    secrets.totpSecret = totpSecret as string;
    secrets.cookie = c.cookie as string;
    secrets.csrf = c.csrf as string;

    // An API token, made and used.
    const created = await c.post("/api/api-tokens", { name: "Case system", scopes: ["directory:read"] });
    expect(created.statusCode).toBe(201);
    secrets.apiToken = created.data.token;
    await app.inject({
      method: "GET",
      url: "/api/directory/parties",
      headers: { authorization: `Bearer ${created.data.token}` },
    });

    // The calendar feed's secret URL, made and fetched.
    const feed = await c.post("/api/me/calendar/rotate");
    expect(feed.statusCode).toBe(200);
    const feedPath = new URL(feed.data.url).pathname;
    secrets.calendar = feedPath.slice("/calendar/".length, -".ics".length);
    expect((await app.inject({ method: "GET", url: feedPath })).statusCode).toBe(200);

    // The TOTP code the session used, after everything (a later step has the same digits rarely).
    secrets.code = code;

    // Something was logged, including the feed's request line with its secret replaced.
    expect(lines).toContain('"url":"/calendar/[redacted].ics"');
    expect(lines).toContain("incoming request");
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThan(5);
      expect(lines.includes(value), `${what} is in the logs`).toBe(false);
    }
  });

  it("redacts secret URLs and API tokens wherever they appear in a line", () => {
    expect(redactSecrets('{"msg":"No route GET /calendar/AbC_-123456789012345678.ics"}')).toBe(
      '{"msg":"No route GET /calendar/[redacted].ics"}',
    );
    expect(redactSecrets("token vgl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG pasted")).toBe(
      "token vgl_[redacted] pasted",
    );
    // A ping test's acknowledgement link, on its page and on its API.
    const token = "Zx9_-abcdefghijklmnopqrstuvwxyz0123456789AB";
    expect(redactSecrets(`{"url":"/api/pings/ack/${token}","ref":"https://vigil.example.org/ping/${token}"}`)).toBe(
      '{"url":"/api/pings/ack/[redacted]","ref":"https://vigil.example.org/ping/[redacted]"}',
    );
  });
});
