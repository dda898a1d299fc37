import { sql } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { fingerprintDiff, fingerprinter } from "../../../test/harness/fingerprint";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";

/**
 * Regressions of the fuzz test (src/server/reliability/fuzz.db.test.ts): each kind of input that
 * once answered 500, or an error in another shape than the API's, answers a 4xx with
 * { error: { code, message } } and changes nothing.
 */

let ctx: AppContext;
let app: FastifyInstance;
let officer: TestClient;
let admin: TestClient;
let secretariat: TestClient;

beforeAll(async () => {
  const base = testContext(await testDatabase(), new ManualClock(new Date("2026-11-21T05:40:00Z")));
  ctx = { ...base, config: { ...base.config, mail: { kind: "mailbox", from: "vigil@example.org" } } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  officer = (await signedIn(app, ctx, "bad-input.officer@example.org", "officer", "CL")).c;
  admin = (await signedIn(app, ctx, "bad-input.admin@example.org", "party_admin", "CL")).c;
  secretariat = (await signedIn(app, ctx, "bad-input.secretariat@example.org", "secretariat", null)).c;
});

afterAll(async () => {
  await app?.close();
  await ctx?.db.close();
});

function expectApiError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  expect(body.error.message).toEqual(expect.any(String));
  if (code) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe("dates that match YYYY-MM-DD but do not exist", () => {
  it("are refused with 400 naming the field, in queries and in bodies, and write nothing", async () => {
    const cases: [TestClient, string][] = [
      [officer, "/api/requests/overview?from=7364-77-38"],
      [officer, "/api/statistics/requests?from=2026-02-30&to=2026-03-01"],
      [secretariat, "/api/plenary/report?from=2026-01-01&to=2026-13-01"],
      [admin, "/api/audit/access-log?from=0000-01-01"],
      [admin, "/api/data-protection/report/export?from=5397-48-47&format=pdf"],
    ];
    for (const [client, url] of cases) {
      expect(expectApiError(await client.get(url), 400, "invalid_input").message, url).toMatch(/No such date/);
    }
    const fingerprint = await fingerprinter(ctx.db, { skipTables: ["audit_log"] });
    const before = await fingerprint();
    const error = expectApiError(
      await secretariat.post("/api/authorities/campaigns", { dueOn: "1255-15-93" }),
      400,
      "invalid_input",
    );
    expect(error.issues).toEqual([{ path: "body.dueOn", message: "No such date" }]);
    expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
  });
});

describe("addresses Fastify refuses before any route", () => {
  it("a malformed percent-encoding answers 400 in the API's shape, with the security headers", async () => {
    for (const url of [
      "/api/requests/%E0%A4/document",
      "/api/directory/parties/%C0%AF",
      "/api/invitations/%ED%A0%80",
    ]) {
      const res = await app.inject({ method: "GET", url });
      expectApiError(res, 400, "bad_url");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    }
  });

  it("an over-long path segment answers 414 in the API's shape, without echoing it", async () => {
    const res = await app.inject({ method: "GET", url: `/api/requests/${"x".repeat(20_000)}` });
    const error = expectApiError(res, 414, "uri_too_long");
    expect(error.message.length).toBeLessThan(100);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("text PostgreSQL cannot store", () => {
  it("NUL in a query or a path answers 400 naming the field (it reached PostgreSQL: 500)", async () => {
    for (const [url, path] of [
      ["/api/directory/search?q=a%00b", "querystring.q"],
      ["/api/directory/compare?from=1.0.0&to=a%00", "querystring.to"],
      ["/api/directory/releases/1.0%00/signature", "params.version"],
    ] as const) {
      const error = expectApiError(await officer.get(url), 400, "invalid_input");
      expect(error.issues, url).toEqual([{ path, message: "Text may not contain the NUL character (U+0000)" }]);
    }
  });

  it("NUL or a lone surrogate in a body, values or keys, answers 400 and writes nothing", async () => {
    const fingerprint = await fingerprinter(ctx.db, { skipTables: ["audit_log"] });
    const before = await fingerprint();
    const nul = expectApiError(
      await officer.post("/api/requests", {
        type: "legal_information",
        requestedParty: "RO",
        content: { note: "a\u0000" },
      }),
      400,
      "invalid_input",
    );
    expect(nul.issues).toEqual([
      { path: "body.content.note", message: "Text may not contain the NUL character (U+0000)" },
    ]);
    // JSON.stringify writes the lone surrogate as the escape "\ud800"; jsonb refused it (500).
    const lone = expectApiError(
      await officer.post("/api/requests", {
        type: "legal_information",
        requestedParty: "RO",
        content: { "k\uD800": 1 },
      }),
      400,
      "invalid_input",
    );
    expect(lone.issues?.[0]?.message).toBe("Text must be valid Unicode (it has a lone surrogate) (in a key)");
    expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
  });
});

describe("a value PostgreSQL refuses that no schema did", () => {
  it("answers 400 invalid_input, not 500 (the error handler's backstop)", async () => {
    const probe = await buildApp(ctx);
    // A route of this test only: it sends the database what a schema should have refused.
    probe.get("/api/test/uuid", async () => ctx.db.tx((tx) => tx.execute(sql`select ${"not-a-uuid"}::uuid`)));
    probe.get("/api/test/divide", async () => ctx.db.tx((tx) => tx.execute(sql`select 1 / ${0}::int`)));
    try {
      expectApiError(await probe.inject({ method: "GET", url: "/api/test/uuid" }), 400, "invalid_input");
      // Not every data exception is the request's fault: a division by zero is a bug, and a 500.
      expectApiError(await probe.inject({ method: "GET", url: "/api/test/divide" }), 500, "internal");
    } finally {
      await probe.close();
    }
  });
});
