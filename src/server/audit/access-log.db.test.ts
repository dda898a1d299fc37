import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { sendLegalQuestion } from "../../../test/harness/requests";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";

// A Party admin's record of consultation and disclosure (SAP Art. 14(8)): who opened or printed
// her Party's requests, from either side, and nothing about requests her Party is not party to.

let ctx: AppContext;
let app: FastifyInstance;
let clOfficer: TestClient;
let clAdmin: TestClient;
let roOfficer: TestClient;
let roAdmin: TestClient;
let frOfficer: TestClient;
let frAdmin: TestClient;
let secretariat: TestClient;
let chileToRomania: { id: string; number: string };
let franceToRomania: { id: string; number: string };

beforeAll(async () => {
  const clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  clOfficer = (await signedIn(app, ctx, "duty.al.cl@example.org", "officer", "CL")).c;
  clAdmin = (await signedIn(app, ctx, "admin.al.cl@example.org", "party_admin", "CL")).c;
  roOfficer = (await signedIn(app, ctx, "duty.al.ro@example.org", "officer", "RO")).c;
  roAdmin = (await signedIn(app, ctx, "admin.al.ro@example.org", "party_admin", "RO")).c;
  frOfficer = (await signedIn(app, ctx, "duty.al.fr@example.org", "officer", "FR")).c;
  frAdmin = (await signedIn(app, ctx, "admin.al.fr@example.org", "party_admin", "FR")).c;
  secretariat = (await signedIn(app, ctx, "sec.al@example.org", "secretariat", null)).c;
  const a = await sendLegalQuestion(clOfficer, "RO");
  chileToRomania = { id: a.data.id, number: a.data.number };
  const b = await sendLegalQuestion(frOfficer, "RO");
  franceToRomania = { id: b.data.id, number: b.data.number };
  clock.advance(60_000);
  expect((await roOfficer.get(`/api/requests/${chileToRomania.id}`)).statusCode).toBe(200);
  expect((await clOfficer.get(`/api/requests/${chileToRomania.id}`)).statusCode).toBe(200);
  expect((await roOfficer.get(`/api/requests/${franceToRomania.id}`)).statusCode).toBe(200);
  const pdf = await roOfficer.get(`/api/requests/${chileToRomania.id}/document?format=pdf&lang=en`);
  expect(pdf.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

describe("a Party's access log", () => {
  it("shows its admin who opened and printed its requests, from both sides, newest first", async () => {
    const res = await clAdmin.get("/api/audit/access-log");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.party).toBe("CL");
    const rows = res.data.entries.map(
      (e: { kind: string; who: string; party: string; target: string; format: string }) => [
        e.kind,
        e.who,
        e.party,
        e.target,
        e.format,
      ],
    );
    expect(rows).toEqual([
      ["exported", "duty.al.ro@example.org", "RO", chileToRomania.number, "pdf"],
      ["read", "duty.al.cl@example.org", "CL", chileToRomania.number, null],
      ["read", "duty.al.ro@example.org", "RO", chileToRomania.number, null],
    ]);
    // France's request to Romania is none of Chile's business.
    expect(JSON.stringify(res.data)).not.toContain(franceToRomania.number);
    expect(res.data.summary).toEqual({ reads: 2, exports: 1, downloads: 0, byOtherParty: 2, people: 2 });
    expect(res.data.total).toBe(3);
  });

  it("filters by who read (the other Party only) and by period", async () => {
    const other = await clAdmin.get("/api/audit/access-log?by=other");
    expect(other.data.entries.map((e: { party: string }) => e.party)).toEqual(["RO", "RO"]);
    expect((await clAdmin.get("/api/audit/access-log?from=2026-11-22")).data.entries).toEqual([]);
    const bad = await clAdmin.get("/api/audit/access-log?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.issues[0].path).toContain("from");
  });

  it("gives Romania both requests it received, and France only its own", async () => {
    const ro = (await roAdmin.get("/api/audit/access-log")).data;
    expect(new Set(ro.entries.map((e: { target: string }) => e.target))).toEqual(
      new Set([chileToRomania.number, franceToRomania.number]),
    );
    const fr = (await frAdmin.get("/api/audit/access-log")).data;
    expect(fr.entries.map((e: { target: string }) => e.target)).toEqual([franceToRomania.number]);
  });

  it("is for a Party's administrators only", async () => {
    expect((await clOfficer.get("/api/audit/access-log")).statusCode).toBe(403);
    const sec = await secretariat.get("/api/audit/access-log");
    expect(sec.statusCode).toBe(403);
    expect(sec.data.error.message).toMatch(/per Party/);
  });
});
