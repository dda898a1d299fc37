import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { sendLegalQuestion } from "../../../test/harness/requests";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { notifications } from "../notify/tables";
import { verifyReceipt } from "./receipts";
import { purgeExpired } from "./retention";
import { requestCorrections, requests } from "./tables";
import { contentHash } from "./timeline";

/*
 * SAP Art. 14(3): the sender corrects the form of a request it sent; the request reads as
 * corrected, the earlier values stay in its history with who, when and why, the requested Party is
 * told, and nothing else may correct it.
 */

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
type Signed = { c: TestClient; user: UserRow };
let cl: Signed;
let ro: Signed;
let roAdmin: Signed;
let fr: Signed;
let sent: { id: string; number: string; content: Record<string, unknown> };

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-30T22:10:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  cl = await signedIn(app, ctx, "duty.corr.cl@example.org", "officer", "CL");
  ro = await signedIn(app, ctx, "duty.corr.ro@example.org", "officer", "RO");
  roAdmin = await signedIn(app, ctx, "admin.corr.ro@example.org", "party_admin", "RO");
  fr = await signedIn(app, ctx, "duty.corr.fr@example.org", "officer", "FR");
  const res = await sendLegalQuestion(cl.c, "RO");
  expect(res.statusCode, res.body).toBe(200);
  sent = res.data;
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** The form as sent, with some of its blocks replaced: what the correction page sends. */
const corrected = (changes: Record<string, unknown>) => ({ ...sent.content, ...changes });

const rowOf = async (id: string) => (await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, id))))[0];
const correctionCount = async () =>
  (await ctx.db.tx((tx) => tx.select().from(requestCorrections).where(eq(requestCorrections.requestId, sent.id))))
    .length;

describe("correcting a sent request (Art. 14(3))", () => {
  it("lets the sender correct fields of the form, and keeps each field's earlier value with who, when and why", async () => {
    clock.advance(10 * 60_000);
    const form = corrected({
      reference: "TEST-LEGAL-1-bis",
      requestingAuthority: { ...(sent.content.requestingAuthority as object), phone: "+99 2 555 0199" },
      details: { subject: "Retention of connection logs", details: "How long do providers keep IP connection logs?" },
    });
    const res = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: form,
      reason: "Wrong phone number, and the question was not precise enough.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.data;
    expect(page.reference).toBe("TEST-LEGAL-1-bis");
    expect(page.content.requestingAuthority.phone).toBe("+9925550199");
    expect(page.content.details.details).toBe("How long do providers keep IP connection logs?");
    expect(page.corrections).toEqual([
      {
        id: expect.any(String),
        at: "2026-11-30T22:20:00.000Z",
        party: "CL",
        actor: cl.user.displayName,
        reason: "Wrong phone number, and the question was not precise enough.",
        changes: [
          { path: "reference", before: "TEST-LEGAL-1", after: "TEST-LEGAL-1-bis" },
          { path: "requestingAuthority.phone", before: "+9925550100", after: "+9925550199" },
          {
            path: "details.details",
            before: "How long do providers keep connection logs?",
            after: "How long do providers keep IP connection logs?",
          },
        ],
      },
    ]);
    // The step is on the timeline with the fields it changed and a receipt of the corrected form.
    const step = page.timeline.find((t: { kind: string }) => t.kind === "corrected");
    expect(step).toMatchObject({
      party: "CL",
      facts: { fields: ["reference", "requestingAuthority.phone", "details.details"] },
    });
    const receipt = await ctx.db.tx((tx) => verifyReceipt(tx, step.receipt));
    expect(receipt).toMatchObject({ valid: true });
    const row = await rowOf(sent.id);
    expect(JSON.stringify(receipt)).toContain(contentHash(row?.content ?? {}));
    // The requested side reads the corrected form and the history alike, and was told (no content in it).
    const seen = (await ro.c.get(`/api/requests/${sent.id}`)).data;
    expect(seen.content.details.details).toBe("How long do providers keep IP connection logs?");
    expect(seen.corrections).toHaveLength(1);
    const told = await ctx.db.tx((tx) => tx.select().from(notifications).where(eq(notifications.userId, ro.user.id)));
    expect(told.find((n) => n.kind === "request.corrected")).toMatchObject({ params: { number: sent.number } });
    expect(JSON.stringify(told)).not.toContain("IP connection logs");
    const audit = await ctx.db.tx((tx) => tx.select().from(auditLog).where(eq(auditLog.action, "request.corrected")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      number: sent.number,
      fields: ["reference", "requestingAuthority.phone", "details.details"],
    });
    sent = { ...sent, content: seen.content };
  });

  it("keeps every correction in order, each with the values it replaced", async () => {
    clock.advance(5 * 60_000);
    const res = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: corrected({
        requestingAuthority: { ...(sent.content.requestingAuthority as object), phone: "+99 2 555 0177" },
      }),
      reason: "Still the wrong line.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.corrections.map((c: { changes: unknown }) => c.changes)).toEqual([
      expect.any(Array),
      [{ path: "requestingAuthority.phone", before: "+9925550199", after: "+9925550177" }],
    ]);
    sent = { ...sent, content: res.data.content };
  });

  it("takes only the correctable blocks: the Party, type and language stay as sent", async () => {
    const before = await rowOf(sent.id);
    const res = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: corrected({ language: "fr", requestedParty: "FR" }),
      reason: "Trying to move it.",
    });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe("no_change");
    const after = await rowOf(sent.id);
    expect(after).toEqual(before);
    const wrongType = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: { ...corrected({}), type: "technical_advice" },
      reason: "Other type",
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.data.error.code).toBe("wrong_type");
  });

  it("refuses a bad form or no reason field by field, and writes nothing", async () => {
    const before = await rowOf(sent.id);
    const count = await correctionCount();
    const bad = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: corrected({
        requestingAuthority: { ...(sent.content.requestingAuthority as object), email: "not-an-address" },
      }),
      reason: "",
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.data.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.content.requestingAuthority.email", "body.reason"]));
    expect(await rowOf(sent.id)).toEqual(before);
    expect(await correctionCount()).toBe(count);
  });

  it("is the sender's alone: the requested Party gets 409, a third Party 404, and the database refuses a raw write", async () => {
    const form = { content: corrected({ reference: "RO-WAS-HERE" }), reason: "Not mine to correct" };
    const byRo = await ro.c.post(`/api/requests/${sent.id}/corrections`, form);
    expect(byRo.statusCode).toBe(409);
    expect(byRo.data.error.code).toBe("not_sender");
    expect((await roAdmin.c.post(`/api/requests/${sent.id}/corrections`, form)).statusCode).toBe(409);
    expect((await fr.c.post(`/api/requests/${sent.id}/corrections`, form)).statusCode).toBe(404);
    // Row-level security: even a query that forgets the rule cannot write a correction for RO.
    const roParty = (await rowOf(sent.id))?.requestedPartyId as string;
    await expect(
      ctx.db.tx(
        (tx) =>
          queryRows(
            tx,
            sql`insert into request_corrections (request_id, at, actor_party_id, reason, changes)
                values (${sent.id}::uuid, now(), ${roParty}::uuid, 'forged', '[]'::jsonb)`,
          ),
        { userId: ro.user.id, partyId: roParty, role: "officer" },
      ),
    ).rejects.toThrow();
    // A third Party does not even see that there are corrections.
    const frRows = await ctx.db.tx((tx) => queryRows(tx, sql`select id from request_corrections`), {
      userId: fr.user.id,
      partyId: fr.user.partyId,
      role: "officer",
    });
    expect(frRows).toEqual([]);
  });

  it("is refused while the sender's Party suspends transfers to the requested Party", async () => {
    const clAdmin = await signedIn(app, ctx, "admin.corr.cl@example.org", "party_admin", "CL");
    const suspended = await clAdmin.c.post("/api/transfer-suspensions", {
      fromParty: "CL",
      toParty: "RO",
      reason: "Test of Art. 14(15)",
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const res = await cl.c.post(`/api/requests/${sent.id}/corrections`, {
      content: corrected({ reference: "DURING-SUSPENSION" }),
      reason: "While suspended",
    });
    expect(res.statusCode).toBe(409);
    expect(res.data.error.code).toBe("transfers_suspended");
    const lifted = await clAdmin.c.post(`/api/transfer-suspensions/${suspended.data.id}/lift`, { reason: "Test over" });
    expect(lifted.statusCode, lifted.body).toBe(200);
  });

  it("is counted in the request's data-protection copy (Art. 14(12))", async () => {
    // A copy is an export: it needs a fresh sign-in (re-authentication for sensitive actions).
    const fresh = await signedIn(app, ctx, "admin2.corr.ro@example.org", "party_admin", "RO");
    const copy = await fresh.c.get(`/api/data-protection/requests/${sent.id}/copy?format=json&lang=en`);
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.data.copy.dataCategories).toContainEqual({ category: "corrections", count: 2 });
  });

  it("is gone with the content when the retention purge removes the request's content", async () => {
    expect(await correctionCount()).toBe(2);
    // Four years later the open request is past every default period.
    clock.set("2030-12-01T02:17:00Z");
    const report = await purgeExpired(ctx);
    expect(report.numbers).toContain(sent.number);
    expect(await correctionCount()).toBe(0);
    const cl2 = await signedIn(app, ctx, "duty.corr2.cl@example.org", "officer", "CL");
    const page = await cl2.c.get(`/api/requests/${sent.id}`);
    expect(page.data.corrections ?? []).toEqual([]);
    // The step stays, naming only the fields.
    const steps = page.data.timeline.filter((t: { kind: string }) => t.kind === "corrected");
    expect(steps).toHaveLength(2);
    for (const s of steps) expect(s.note).toBeNull();
  });
});
