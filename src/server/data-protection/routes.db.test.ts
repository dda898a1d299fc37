import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser, TEST_PASSWORD } from "../../../test/harness/factories";
import { signedIn, TestClient } from "../../../test/harness/http";
import { sendLegalQuestion } from "../../../test/harness/requests";
import { PersonCopies, RequestCopy } from "../../shared/data-protection";
import { buildApp } from "../app";
import { totpCodeAt } from "../auth/totp";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";

/**
 * The copies' and the report's HTTP surface: formats and file names, schemas on the way in
 * (400, never 500), and the copies as sensitive actions (a sign-in older than VIGIL_REAUTH_MINUTES
 * gets 403 reauth_required until the auditor proves it is still them).
 */

const MINUTE = 60_000;
const clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
let ctx: AppContext;
let app: FastifyInstance;
let auditor: TestClient;
let secret: string;
let requestId: string;

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  const chile = (await signedIn(app, ctx, "http.officer.cl@example.org", "officer", "CL")).c;
  const sent = await sendLegalQuestion(chile, "RO");
  expect(sent.statusCode).toBe(200);
  requestId = sent.draftId;
  const made = await makeUser(ctx, { email: "http.auditor.ro@example.org", role: "auditor", party: "RO" });
  secret = made.totpSecret as string;
  auditor = new TestClient(app);
  await auditor.post("/api/auth/sign-in", { email: "http.auditor.ro@example.org", password: TEST_PASSWORD });
  expect((await auditor.post("/api/auth/totp", { code: totpCodeAt(secret, clock.now()) })).statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await ctx.db.close();
});

describe("data-protection routes", () => {
  it("answers a request's copy as JSON or PDF, named after the request", async () => {
    const json = await auditor.get(`/api/data-protection/requests/${requestId}/copy`);
    expect(json.statusCode).toBe(200);
    const copy = RequestCopy.parse(json.data);
    expect(json.headers["content-disposition"]).toBe(
      `attachment; filename="data-protection-copy-${copy.copy.request.number}-en.json"`,
    );
    expect(copy.copy.legalBasis).toBe("Budapest Convention, Article 35(1)");
    const pdf = await auditor.get(`/api/data-protection/requests/${requestId}/copy?format=pdf&lang=fr`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await auditor.get(`/api/data-protection/requests/${requestId}/copy?format=docx`)).statusCode).toBe(400);
  });

  it("checks the person's term and the report's period with the shared schemas", async () => {
    const short = await auditor.get("/api/data-protection/person-copies?q=ab");
    expect(short.statusCode).toBe(400);
    expect(short.data.error.code).toBe("invalid_input");
    const found = await auditor.get(`/api/data-protection/person-copies?q=${encodeURIComponent("M. Example")}`);
    expect(PersonCopies.parse(found.data).copies.map((c) => c.request.id)).toEqual([requestId]);
    expect((await auditor.get("/api/data-protection/report?from=2026-12-01&to=2026-11-01")).statusCode).toBe(400);
    const csv = await auditor.get("/api/data-protection/report/export?format=csv&from=2026-11-01&to=2026-11-30");
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="data-protection-report-RO-2026-11-01-2026-11-30-en.csv"',
    );
    expect(csv.body).toContain("RO,2026-11-01,2026-11-30,Requests (Art. 14(5)),Received,1");
  });

  it("asks for the password and a code again before a copy once the sign-in is old; not for the report", async () => {
    clock.advance(11 * MINUTE);
    const refused = await auditor.get(`/api/data-protection/requests/${requestId}/copy`);
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.code).toBe("reauth_required");
    expect((await auditor.get(`/api/data-protection/person-copies?q=example`)).data.error.code).toBe("reauth_required");
    expect((await auditor.get("/api/data-protection/report")).statusCode).toBe(200);
    const again = await auditor.post("/api/auth/reauth", {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(again.statusCode).toBe(204);
    expect((await auditor.get(`/api/data-protection/requests/${requestId}/copy`)).statusCode).toBe(200);
  });
});
