import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import type { Role } from "../../shared/auth";
import type { RequestContentInput } from "../../shared/requests";
import { DEFAULT_RETENTION } from "../../shared/retention";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { JOBS } from "../jobs/catalogue";
import { newKeySpec, parseKeyring } from "../vault/keyring";
import { sweepDeadlines } from "./deadlines";
import { retentionPurgeJob } from "./jobs";
import { purgeExpired } from "./retention";
import { openMessage, resealRequestItems, sealPlaintextMessages } from "./sealing";
import {
  requestAccessPurposes,
  requestAssignments,
  requestAttachments,
  requestEvents,
  requestMessages,
  requests,
} from "./tables";
import { onwardTransfers } from "./transfer-tables";

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-02-02T09:00:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** Sessions last hours and this test moves years: a fresh account signs in at each step. */
let accounts = 0;
async function as(role: Role, party: string | null): Promise<TestClient> {
  accounts += 1;
  return (await signedIn(app, ctx, `ret${accounts}.${role}@example.org`, role, party)).c;
}

function base(type: RequestContentInput["type"], reference: string) {
  return {
    type,
    requestedParty: "RO",
    language: "en",
    reference,
    requestingAuthority: {
      organisation: "Fiscalía de Chile (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street, Santiago",
      phone: "+99 2 555 0100",
      email: "duty.cl@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "America/Santiago",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty.cl@example.org" },
    handlingConditions: { purpose: `Investigation ${reference}`, useLimits: "This case only" },
    identifiers: [{ kind: "ip", value: "192.0.2.77", observedAt: "2026-01-20T23:14", timeZone: "America/Santiago" }],
  };
}

const advice = (reference: string) =>
  ({
    ...base("technical_advice", reference),
    details: { subject: "Botnet takedown", details: "How to read the C2 logs of Example Hosting (fictional)" },
  }) as RequestContentInput;

const preservation = (reference: string) =>
  ({
    ...base("preservation", reference),
    details: {
      offence: "Ransomware",
      facts: "A hospital's systems were encrypted (fictional).",
      dataToPreserve: "Connection logs",
      relationToOffence: "The address uploaded the ransom note",
      custodian: "Example Hosting SRL (fictional)",
      necessity: "Logs are deleted after 30 days",
      mlaToFollow: true,
    },
  }) as RequestContentInput;

const legalInfo = (reference: string) =>
  ({
    ...base("legal_information", reference),
    details: { subject: "Data retention law", details: "Which law obliges providers to keep logs?" },
  }) as RequestContentInput;

async function send(c: TestClient, content: RequestContentInput) {
  const draft = await c.post("/api/requests", { type: content.type, requestedParty: "RO", content: {} });
  const sent = await c.post(`/api/requests/${draft.data.id}/send`, content);
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.data as { id: string; number: string };
}

function upload(c: TestClient, id: string, filename: string, body: Buffer) {
  return app.inject({
    method: "POST",
    url: `/api/requests/${id}/attachments?filename=${encodeURIComponent(filename)}`,
    headers: {
      cookie: `vigil_session=${c.cookie}`,
      "x-csrf-token": c.csrf as string,
      "content-type": "application/octet-stream",
    },
    payload: body,
  });
}

/** Sent → acknowledged (after `ackMin`) → executed (after `answerMin` more) → closed. */
async function workThrough(
  cl: TestClient,
  ro: TestClient,
  id: string,
  ackMin: number,
  answerMin: number,
  preservedOn?: string,
) {
  clock.advance(ackMin * 60_000);
  expect((await ro.post(`/api/requests/${id}/transitions`, { to: "acknowledged" })).statusCode).toBe(200);
  clock.advance(answerMin * 60_000);
  const done = await ro.post(`/api/requests/${id}/transitions`, {
    to: "executed",
    note: "Done; ask Ana Example (fictional) on +99 21 555 0199",
    ...(preservedOn ? { preservedOn } : {}),
  });
  expect(done.statusCode, done.body).toBe(200);
  clock.advance(60_000);
  expect((await cl.post(`/api/requests/${id}/transitions`, { to: "closed", note: "Thanks" })).statusCode).toBe(200);
}

const rowOf = async (id: string) => (await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, id))))[0];
const countWhere = async (
  table: typeof requestMessages | typeof requestAttachments | typeof requestAssignments | typeof requestAccessPurposes,
  id: string,
) => (await ctx.db.tx((tx) => tx.select().from(table).where(eq(table.requestId, id)))).length;
const purgeEntries = () =>
  ctx.db.tx((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "retention.purged"), eq(auditLog.targetId, "purge"))),
  );

describe("the retention purge", () => {
  let advised: { id: string; number: string }; // technical advice, closed 2026-02-02: 365 days
  let preserved: { id: string; number: string }; // preservation, closed 2026-06-01: 730 days
  let open: { id: string; number: string }; // legal information, never acknowledged
  let draftId: string;
  let attachmentId: string;
  let receiptEventId: string;
  let overviewBefore: unknown;

  it("removes the content, messages and attachments of the request past its period only, and keeps the statistics", async () => {
    let cl = await as("officer", "CL");
    let ro = await as("officer", "RO");
    draftId = (await cl.post("/api/requests", { type: "other", requestedParty: "RO", content: { note: "x" } })).data.id;
    advised = await send(cl, advice("CL-TA-2026-1"));
    expect(
      (await ro.post(`/api/requests/${advised.id}/messages`, { body: "Send the logs of 192.0.2.77" })).statusCode,
    ).toBe(200);
    const file = await upload(cl, advised.id, "c2-logs.txt", Buffer.from("192.0.2.77 beacon every 60 s\n"));
    expect(file.statusCode, file.body).toBe(201);
    attachmentId = file.json().id;
    const onward = await ro.post(`/api/requests/${advised.id}/onward-transfers`, {
      recipientKind: "organisation",
      recipientName: "Example CERT (fictional)",
      purpose: "Warn Ana Example's employer",
    });
    expect(onward.statusCode, onward.body).toBe(201);
    await workThrough(cl, ro, advised.id, 7, 50);

    clock.set("2026-06-01T10:00:00Z");
    cl = await as("officer", "CL");
    ro = await as("officer", "RO");
    preserved = await send(cl, preservation("CL-PRES-2026-2"));
    expect((await cl.post(`/api/requests/${preserved.id}/messages`, { body: "Port 51234 matters" })).statusCode).toBe(
      200,
    );
    await workThrough(cl, ro, preserved.id, 20, 90, "2026-06-01");
    open = await send(cl, legalInfo("CL-LI-2026-3"));

    const secretariat = await as("secretariat", null);
    overviewBefore = (await secretariat.get("/api/requests/overview")).data;
    expect(overviewBefore).toMatchObject({ totals: { sent: 3, open: 1 } });
    // A fresh account is a colleague of the officer who sent it, not its handler: it says why it opens it.
    const why = await cl.post(`/api/requests/${advised.id}/purpose`, { reason: "supervision" });
    expect(why.statusCode, why.body).toBe(200);
    const adviceBefore = (await cl.get(`/api/requests/${advised.id}`)).data;
    receiptEventId = adviceBefore.timeline.find((t: { receipt: string | null }) => t.receipt).id;
    expect(await countWhere(requestAssignments, advised.id)).toBeGreaterThan(0);
    expect(await countWhere(requestAccessPurposes, advised.id)).toBe(1);
    const stepsBefore = adviceBefore.timeline.map((t: { kind: string; at: string; toState: string | null }) => [
      t.kind,
      t.at,
      t.toState,
    ]);
    const preservedBefore = await rowOf(preserved.id);

    // 2027-03-01: the advice ended 2026-02-02, 365 days have passed; the preservation's 730 have not.
    clock.set("2027-03-01T02:17:00Z");
    expect(JOBS).toContain(retentionPurgeJob);
    expect(retentionPurgeJob.cron).toBe("17 2 * * *");
    await retentionPurgeJob.run(ctx, {}, { id: "test", retryCount: 0 });

    const gone = await rowOf(advised.id);
    expect(gone).toMatchObject({
      content: {},
      handlingConditions: null,
      reference: null,
      senderUserId: null,
      contactPointId: null,
      purgedAt: new Date("2027-03-01T02:17:00Z"),
      purgeRule: { basis: "final", days: 365 },
      // The skeleton: number, type, state, emergency flag and the times.
      number: advised.number,
      type: "technical_advice",
      state: "closed",
      emergency: false,
    });
    expect(gone?.sentAt && gone.acknowledgedAt && gone.answeredAt && gone.closedAt).toBeTruthy();
    expect(await countWhere(requestMessages, advised.id)).toBe(0);
    expect(await countWhere(requestAttachments, advised.id)).toBe(0);
    const steps = await ctx.db.tx((tx) =>
      tx.select().from(requestEvents).where(eq(requestEvents.requestId, advised.id)),
    );
    expect(steps.length).toBe(stepsBefore.length);
    for (const s of steps) expect([s.note, s.actorUserId, s.receipt]).toEqual([null, null, null]);
    // Who handled it and who opened it with a purpose name people: gone, and so are the names on its steps.
    expect(await countWhere(requestAssignments, advised.id)).toBe(0);
    expect(await countWhere(requestAccessPurposes, advised.id)).toBe(0);
    expect(steps.some((s) => s.kind === "assigned")).toBe(true);
    for (const s of steps) expect(s.facts?.assignee).toBeUndefined();
    // Nothing of its content is left in its row or its steps.
    const transfers = await ctx.db.tx((tx) =>
      tx.select().from(onwardTransfers).where(eq(onwardTransfers.requestId, advised.id)),
    );
    // The onward transfer stays as a record (to an organisation, when, its status), without its words.
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ recipientKind: "organisation", purpose: "", recipientName: null });
    const dump = JSON.stringify([gone, steps, transfers]);
    for (const secret of [
      "CL-TA-2026-1",
      "192.0.2.77",
      "Ana Example",
      "Botnet",
      "M. Example",
      "c2-logs.txt",
      "Example CERT",
    ]) {
      expect(dump).not.toContain(secret);
    }

    // The other requests are untouched.
    expect(await rowOf(preserved.id)).toEqual(preservedBefore);
    expect(await countWhere(requestMessages, preserved.id)).toBe(1);
    expect((await rowOf(open.id))?.purgedAt).toBeNull();
    // The draft was written in 2026-02: its three years of inactivity have not passed.
    expect(await rowOf(draftId)).toBeDefined();

    // The statistics: the same counts and median timings as before.
    const secretariat2 = await as("secretariat", null);
    expect((await secretariat2.get("/api/requests/overview")).data).toEqual(overviewBefore);

    // The run is in the audit trail, with its counts and the number purged.
    const entries = await purgeEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({
      purged: 1,
      numbers: [advised.number],
      messages: 1,
      attachments: 1,
      draftsDeleted: 0,
    });
    expect(entries[0]?.actorLabel).toMatch(/system/);
  });

  it("shows a purged request as purged, and answers 410 Gone for its documents, receipts, files and steps", async () => {
    const cl = await as("officer", "CL");
    const page = await cl.get(`/api/requests/${advised.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.data).toMatchObject({
      number: advised.number,
      state: "closed",
      purged: { at: "2027-03-01T02:17:00.000Z", basis: "final", days: 365 },
      purgedAt: "2027-03-01T02:17:00.000Z",
      content: {},
      handlingConditions: null,
      messages: [],
      attachments: [],
      actions: [],
      reference: "",
    });
    expect(
      page.data.timeline.every((t: { note: null; actor: null; receipt: null }) => !t.note && !t.actor && !t.receipt),
    ).toBe(true);
    for (const url of [
      `/api/requests/${advised.id}/document?format=pdf`,
      `/api/requests/${advised.id}/receipts/${receiptEventId}`,
      `/api/requests/${advised.id}/attachments/${attachmentId}`,
    ]) {
      const res = await cl.get(url);
      expect(res.statusCode, url).toBe(410);
      expect(res.data.error.code).toBe("request_purged");
      expect(res.data.error.message).toMatch(/purged on 2027-03-01 under the retention rule/);
    }
    expect((await cl.post(`/api/requests/${advised.id}/messages`, { body: "Anyone?" })).statusCode).toBe(410);
    // A third Party still learns nothing: not even that it was purged.
    const fr = await as("officer", "FR");
    expect((await fr.get(`/api/requests/${advised.id}`)).statusCode).toBe(404);
    expect((await fr.get(`/api/requests/${advised.id}/document`)).statusCode).toBe(404);
    // In the outbox it is listed as purged.
    const list = await cl.get("/api/requests?box=outbox");
    const item = list.data.items.find((i: { id: string }) => i.id === advised.id);
    expect(item).toMatchObject({ purgedAt: "2027-03-01T02:17:00.000Z", reference: "" });
  });

  it("does nothing more when run again, and says so in the audit trail", async () => {
    const snapshot = await ctx.db.tx((tx) => tx.select().from(requests));
    const steps = await ctx.db.tx((tx) => tx.select().from(requestEvents));
    const report = await purgeExpired(ctx);
    expect(report).toMatchObject({ purged: 0, numbers: [], messages: 0, attachments: 0, draftsDeleted: 0 });
    expect(await ctx.db.tx((tx) => tx.select().from(requests))).toEqual(snapshot);
    expect(await ctx.db.tx((tx) => tx.select().from(requestEvents))).toEqual(steps);
    const entries = await purgeEntries();
    expect(entries).toHaveLength(2);
    expect(entries[1]?.details).toMatchObject({ purged: 0, numbers: [] });
  });

  it("purges a request left open after the longer horizon, deletes an abandoned draft, and the figures still hold", async () => {
    // 2029-06-02: three years without activity for the open one; 730 days after the preservation.
    clock.set("2029-06-02T02:17:00Z");
    const report = await purgeExpired(ctx);
    expect(report.numbers.sort()).toEqual([preserved.number, open.number].sort());
    expect(report.draftsDeleted).toBe(1);
    expect(await rowOf(draftId)).toBeUndefined();
    expect((await rowOf(open.id))?.purgeRule).toEqual({ basis: "open", days: 1095 });
    expect((await rowOf(preserved.id))?.purgeRule).toEqual({ basis: "final", days: 730 });
    expect(await countWhere(requestMessages, preserved.id)).toBe(0);
    const secretariat = await as("secretariat", null);
    expect((await secretariat.get("/api/requests/overview")).data).toEqual(overviewBefore);
    // A purged open request is history, not today's overdue work: no reminder, no escalation.
    expect((await rowOf(open.id))?.remindedAt).toBeNull();
    expect(await sweepDeadlines(ctx)).toEqual({ reminded: 0, escalated: 0, warned: 0 });
    expect((await rowOf(open.id))?.remindedAt).toBeNull();
    const cl = await as("officer", "CL");
    expect((await cl.get("/api/requests?box=outbox&overdue=true")).data.total).toBe(0);
  });
});

describe("retention periods", () => {
  it("are the documented defaults, readable by the Secretariat and Party admins, changed by the Secretariat only, audited", async () => {
    const secretariat = await as("secretariat", null);
    const admin = await as("party_admin", "RO");
    const officer = await as("officer", "RO");
    const listed = await secretariat.get("/api/admin/retention");
    expect(listed.statusCode, listed.body).toBe(200);
    // The migration's seeded rows agree with the defaults in the code.
    for (const p of listed.data.periods) {
      expect({ daysAfterFinal: p.daysAfterFinal, daysIfOpen: p.daysIfOpen }, p.type).toEqual(
        DEFAULT_RETENTION[p.type as keyof typeof DEFAULT_RETENTION],
      );
    }
    expect(listed.data.periods).toHaveLength(Object.keys(DEFAULT_RETENTION).length);
    expect(listed.data.lastRun).toMatchObject({ at: "2029-06-02T02:17:00.000Z", purged: 2, draftsDeleted: 1 });
    expect((await admin.get("/api/admin/retention")).statusCode).toBe(200);
    expect((await officer.get("/api/admin/retention")).statusCode).toBe(403);

    const change = { daysAfterFinal: 400, daysIfOpen: 1200 };
    expect((await admin.put("/api/admin/retention/preservation", change)).statusCode).toBe(403);
    const bad = await secretariat.put("/api/admin/retention/preservation", { daysAfterFinal: 10, daysIfOpen: 1200 });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.issues).toContainEqual(expect.objectContaining({ path: "body.daysAfterFinal" }));
    expect((await secretariat.put("/api/admin/retention/nonsense", change)).statusCode).toBe(400);
    const ok = await secretariat.put("/api/admin/retention/preservation", change);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.data).toMatchObject({ type: "preservation", ...change, defaults: DEFAULT_RETENTION.preservation });
    expect(ok.data.updatedBy).toBeTruthy();
    const [audited] = await ctx.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "retention.period_changed")),
    );
    expect(audited).toMatchObject({
      targetId: "preservation",
      details: { from: DEFAULT_RETENTION.preservation, to: change },
    });
    expect(
      (await admin.get("/api/admin/retention")).data.periods.find((p: { type: string }) => p.type === "preservation"),
    ).toMatchObject(change);
  });
});

describe("message bodies at rest", () => {
  it("are sealed: the body column holds no plain text; a key rotation keeps them readable and reseal moves them to the new key", async () => {
    const k1 = parseKeyring(newKeySpec("k1"));
    ctx.keyring = k1;
    const cl = await as("officer", "CL");
    const ro = await as("officer", "RO");
    const req = await send(cl, advice("CL-TA-2029-9"));
    expect(
      (await ro.post(`/api/requests/${req.id}/messages`, { body: "The subscriber is Zed Example" })).statusCode,
    ).toBe(200);
    const file = await upload(cl, req.id, "note.txt", Buffer.from("Zed Example, +99 1 555 0123\n"));
    expect(file.statusCode).toBe(201);

    const stored = await ctx.db.tx((tx) =>
      tx.select().from(requestMessages).where(eq(requestMessages.requestId, req.id)),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body).toBeNull();
    expect(stored[0]?.keyId).toBe("k1");
    expect(Buffer.from(stored[0]?.sealed ?? []).includes(Buffer.from("Zed Example"))).toBe(false);
    const withText = await ctx.db.tx((tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from request_messages where body is not null`),
    );
    expect(withText[0]?.n).toBe(0);

    // A message written before encryption at rest (plain text), sealed by the start-up step.
    const legacyId = "00000000-0000-4000-8000-000000000001";
    await ctx.db.tx(async (tx) => {
      const [r] = await tx.select({ partyId: requests.senderPartyId }).from(requests).where(eq(requests.id, req.id));
      await tx.insert(requestMessages).values({
        id: legacyId,
        requestId: req.id,
        at: clock.now(),
        partyId: r?.partyId as string,
        body: "Legacy: call Yan Example",
      });
    });
    expect(await sealPlaintextMessages(ctx.db, ctx.keyring)).toBe(1);
    expect(await sealPlaintextMessages(ctx.db, ctx.keyring)).toBe(0);
    const [legacy] = await ctx.db.tx((tx) => tx.select().from(requestMessages).where(eq(requestMessages.id, legacyId)));
    expect(legacy?.body).toBeNull();
    expect(Buffer.from(legacy?.sealed ?? []).includes(Buffer.from("Yan Example"))).toBe(false);

    // Rotation: the new key first; the old one still opens what it sealed.
    const k2 = parseKeyring(newKeySpec("k2"));
    const spec = (ring: typeof k1) => [...ring.keys].map(([id, k]) => `${id}:${k.toString("base64")}`).join(",");
    const rotated = parseKeyring(`${spec(k2)},${spec(k1)}`);
    ctx.keyring = rotated;
    expect((await cl.post(`/api/requests/${req.id}/messages`, { body: "Newer: thanks" })).statusCode).toBe(200);
    const read = await cl.get(`/api/requests/${req.id}`);
    expect(read.data.messages.map((m: { body: string }) => m.body)).toEqual([
      "The subscriber is Zed Example",
      "Legacy: call Yan Example",
      "Newer: thanks",
    ]);
    const keysNow = async () =>
      (
        await ctx.db.tx((tx) =>
          tx.select({ k: requestMessages.keyId }).from(requestMessages).where(eq(requestMessages.requestId, req.id)),
        )
      )
        .map((r) => r.k)
        .sort();
    expect(await keysNow()).toEqual(["k1", "k1", "k2"]);
    expect((await cl.get(`/api/requests/${req.id}/attachments/${file.json().id}`)).rawPayload.toString()).toContain(
      "Zed Example",
    );

    // Re-seal under k2; then k2 alone opens everything, and k1 alone opens nothing.
    const report = await resealRequestItems(ctx.db, rotated, clock.now(), {
      userId: null,
      label: "test",
      partyId: null,
    });
    expect(report.messages).toBeGreaterThanOrEqual(2);
    expect(report.attachments).toBeGreaterThanOrEqual(1);
    expect(await keysNow()).toEqual(["k2", "k2", "k2"]);
    const attachmentKeys = await ctx.db.tx((tx) => tx.select({ k: requestAttachments.keyId }).from(requestAttachments));
    expect(attachmentKeys.every((a) => a.k === "k2")).toBe(true);
    ctx.keyring = k2;
    expect((await cl.get(`/api/requests/${req.id}`)).data.messages).toHaveLength(3);
    expect((await cl.get(`/api/requests/${req.id}/attachments/${file.json().id}`)).statusCode).toBe(200);
    const after = await ctx.db.tx((tx) =>
      tx.select().from(requestMessages).where(eq(requestMessages.requestId, req.id)),
    );
    for (const m of after) expect(() => openMessage(k1, m)).toThrow(/k2/);
    const [resealed] = await ctx.db.tx((tx) => tx.select().from(auditLog).where(eq(auditLog.action, "vault.resealed")));
    expect(resealed?.details).toMatchObject({ messages: report.messages, attachments: report.attachments });
  });
});
