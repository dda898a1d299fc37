import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { pdfPages } from "../../../test/harness/document-text";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { sendLegalQuestion } from "../../../test/harness/requests";
import type { Role } from "../../shared/auth";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { purgeExpired } from "../requests/retention";
import { requestEvents, requestMessages, requests } from "../requests/tables";

/**
 * Training exercises (issue 9, point 5): an exercise runs the whole workflow and is labelled, but
 * no figure of the Network moves: not the statistics page (Network and Party views, CSV), the
 * overview nor the plenary report. Once over, the retention purge deletes it whole.
 * A Party's data-protection report is not among them on purpose: it is an accountability record
 * that matches the audit trail entry for entry, and an exercise's accesses are accesses.
 */

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-02T09:00:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" }, exercisePurgeDays: 7 };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

let accounts = 0;
async function as(role: Role, party: string | null): Promise<TestClient> {
  accounts += 1;
  return (await signedIn(app, ctx, `ex${accounts}.${role}@example.org`, role, party)).c;
}

const PERIOD = "from=2026-11-01&to=2026-11-30";

/** Every figure a reader can get, read through the API as each reader would. */
async function figures() {
  const sec = await as("secretariat", null);
  const cl = await as("officer", "CL");
  const read = async (c: TestClient, url: string) => {
    const r = await c.get(url);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.body;
  };
  return {
    network: await read(sec, `/api/statistics/requests?${PERIOD}`),
    networkAllTime: await read(sec, "/api/statistics/requests"),
    partyView: await read(cl, `/api/statistics/requests?${PERIOD}`),
    overview: await read(sec, `/api/requests/overview?${PERIOD}`),
    partyOverview: await read(cl, "/api/requests/overview"),
    csv: await read(sec, `/api/statistics/export?figure=requests&${PERIOD}&lang=en`),
    csvParties: await read(sec, `/api/statistics/export?figure=parties&${PERIOD}&lang=fr`),
    plenary: await read(sec, `/api/plenary/report?${PERIOD}`),
  };
}

/** Sent from Chile to Romania, acknowledged, answered and closed, with a message each way. */
async function fullWorkflow(exercise: boolean) {
  const cl = await as("officer", "CL");
  const ro = await as("officer", "RO");
  const sent = await sendLegalQuestion(cl, "RO", { exercise });
  expect(sent.statusCode, sent.body).toBe(200);
  const id = sent.data.id as string;
  clock.advance(20 * 60_000);
  expect((await ro.post(`/api/requests/${id}/transitions`, { to: "acknowledged" })).statusCode).toBe(200);
  expect((await ro.post(`/api/requests/${id}/messages`, { body: "Which period?" })).statusCode).toBe(200);
  expect((await cl.post(`/api/requests/${id}/messages`, { body: "October 2026" })).statusCode).toBe(200);
  clock.advance(90 * 60_000);
  const done = await ro.post(`/api/requests/${id}/transitions`, { to: "executed", note: "Answered" });
  expect(done.statusCode, done.body).toBe(200);
  expect((await cl.post(`/api/requests/${id}/transitions`, { to: "closed", note: "Thanks" })).statusCode).toBe(200);
  return { id, number: sent.data.number as string, cl, ro };
}

describe("a training exercise", () => {
  let exercise: { id: string; number: string; cl: TestClient; ro: TestClient };
  let real: { id: string };

  it("runs the full workflow, labelled, and changes no statistic", async () => {
    const before = await figures();
    exercise = await fullWorkflow(true);
    // Labelled wherever it shows: the request, both Parties' lists, the timeline.
    const page = await exercise.ro.get(`/api/requests/${exercise.id}`);
    expect(page.data).toMatchObject({ exercise: true, state: "closed" });
    for (const c of [exercise.cl, exercise.ro]) {
      const list = await c.get(c === exercise.cl ? "/api/requests?box=outbox" : "/api/requests?box=inbox");
      expect(list.statusCode, list.body).toBe(200);
      const row = (list.data.items as { id: string; exercise: boolean }[]).find((r) => r.id === exercise.id);
      expect(row?.exercise).toBe(true);
    }
    // Its print-out says so first (a colleague freshly signed in, as documents need, who gives a
    // purpose, as opening a request handled by others needs).
    const colleague = await as("officer", "RO");
    expect((await colleague.post(`/api/requests/${exercise.id}/purpose`, { reason: "supervision" })).statusCode).toBe(
      200,
    );
    const doc = await colleague.get(`/api/requests/${exercise.id}/document?format=pdf&lang=fr`);
    expect(doc.statusCode, doc.body.slice(0, 300)).toBe(200);
    expect(pdfPages(doc.rawPayload)[0]?.text).toContain("EXERCICE DE FORMATION");
    expect(await figures()).toEqual(before);
  });

  it("while the same request for real does change them (the check above can fail)", async () => {
    const before = await figures();
    real = await fullWorkflow(false);
    const after = await figures();
    // (The plenary report counts contact points, pings and meetings, not requests.)
    for (const key of ["network", "networkAllTime", "partyView", "overview", "csv"] as const) {
      expect(after[key], key).not.toEqual(before[key]);
    }
  });

  it("is deleted whole once over, while a real request keeps its retention period", async () => {
    // Six days after closing: not yet.
    clock.advance(6 * 86_400_000);
    expect((await purgeExpired(ctx)).exercisesDeleted).toBe(0);
    clock.advance(86_400_000 + 60_000);
    const report = await purgeExpired(ctx);
    expect(report.exercisesDeleted).toBe(1);
    expect(report.purged).toBe(0);
    const rows = await ctx.db.tx(async (tx) => ({
      exercise: await tx.select().from(requests).where(eq(requests.id, exercise.id)),
      steps: await tx.select().from(requestEvents).where(eq(requestEvents.requestId, exercise.id)),
      messages: await tx.select().from(requestMessages).where(eq(requestMessages.requestId, exercise.id)),
      real: await tx.select().from(requests).where(eq(requests.id, real.id)),
    }));
    expect(rows.exercise).toEqual([]);
    expect(rows.steps).toEqual([]);
    expect(rows.messages).toEqual([]);
    expect(rows.real[0]?.purgedAt).toBeNull();
    expect((await (await as("officer", "RO")).get(`/api/requests/${exercise.id}`)).statusCode).toBe(404);
  });
});
