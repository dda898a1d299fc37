import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { sendLegalQuestion } from "../../../test/harness/requests";
import { INCIDENT_RETENTION_DAYS, type IncidentInputRaw } from "../../shared/incidents";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { renderEmail } from "../notify/email-text";
import { notifications, outbox } from "../notify/tables";
import { purgeClosedIncidents } from "./retention";
import { securityIncidents } from "./tables";

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
let secretariat: TestClient;
let roOfficer: { c: TestClient; user: UserRow };
let roAdmin: { c: TestClient; user: UserRow };
let clOfficer: { c: TestClient; user: UserRow };
let frOfficer: { c: TestClient; user: UserRow };
let observer: TestClient;
/** Requests that exist: one between Chile and Romania, one between Chile and France. */
let clRo: string;
let clFr: string;

const TITLE = "Mailbox of a liaison officer read by an intruder";
const DESCRIPTION = "Phishing gave access to the mailbox duty.xx@example.org for 3 hours.";

function incident(overrides: Partial<IncidentInputRaw> = {}): IncidentInputRaw {
  return {
    title: TITLE,
    detectedAt: "2026-11-21T04:10:00Z",
    description: DESCRIPTION,
    dataCategories: ["request_content", "attachments"],
    affectedParties: ["RO", "CL"],
    requestNumbers: [clRo, clFr],
    measures: "Password reset, sessions revoked, mailbox rules checked.",
    ...overrides,
  };
}

async function sendRequest(from: TestClient, to: string): Promise<string> {
  const sent = await sendLegalQuestion(from, to);
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.data.number;
}

const notificationsOf = (userId: string, kind: string) =>
  ctx.db.tx((tx) =>
    tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind))),
  );

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  secretariat = (await signedIn(app, ctx, "sec.inc@example.org", "secretariat", null)).c;
  roOfficer = await signedIn(app, ctx, "duty.inc.ro@example.org", "officer", "RO");
  roAdmin = await signedIn(app, ctx, "admin.inc.ro@example.org", "party_admin", "RO");
  clOfficer = await signedIn(app, ctx, "duty.inc.cl@example.org", "officer", "CL");
  frOfficer = await signedIn(app, ctx, "duty.inc.fr@example.org", "officer", "FR");
  await makeParty(ctx, "XQ", "Observerland");
  observer = (await signedIn(app, ctx, "obs.inc@example.org", "observer", "XQ")).c;
  clRo = await sendRequest(clOfficer.c, "RO");
  clFr = await sendRequest(clOfficer.c, "FR");
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

describe("recording a security incident (Art. 14(7))", () => {
  let id: string;

  it("records it and tells each affected Party's officers and admins at once, in-app and by e-mail", async () => {
    const res = await secretariat.post("/api/incidents", incident());
    expect(res.statusCode, res.body).toBe(201);
    id = res.data.id;
    expect(res.data).toMatchObject({
      title: TITLE,
      status: "open",
      dataCategories: ["request_content", "attachments"],
      requestNumbers: [clRo, clFr],
      updates: [],
    });
    expect(res.data.affectedParties.map((p: { iso2: string }) => p.iso2)).toEqual(["CL", "RO"]);
    for (const who of [roOfficer, roAdmin, clOfficer]) {
      const told = await notificationsOf(who.user.id, "incident.recorded");
      expect(told, who.user.email).toHaveLength(1);
      expect(told[0]?.link).toBe(`/data-protection/incidents/${id}`);
    }
    // France is not affected: it hears nothing.
    expect(await notificationsOf(frOfficer.user.id, "incident.recorded")).toHaveLength(0);
  });

  it("sends an e-mail that says an incident affects the Party and links to it, nothing more", async () => {
    const mails = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.channel, "email"), eq(outbox.userId, roOfficer.user.id))),
    );
    const mail = mails.find((m) => (m.payload as { kind: string }).kind === "incident.recorded");
    expect(mail).toBeDefined();
    // An emergency kind: due now, whatever quiet hours say.
    expect(mail?.nextAttemptAt.toISOString()).toBe(clock.now().toISOString());
    const p = mail?.payload as { kind: string; params: Record<string, string>; link: string; locale: "en" | "fr" };
    const rendered = renderEmail(p.kind, p.params, p.link, p.locale, "https://vigil.example.org");
    expect(rendered.subject).toBe("[Vigil] Security incident affecting your Party");
    expect(rendered.text).toContain(`https://vigil.example.org/data-protection/incidents/${id}`);
    const everything = JSON.stringify(mail?.payload) + rendered.text;
    for (const secret of [TITLE, "Phishing", "Password reset", clRo, "request_content"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("shows a Party only its own incidents, only itself among the affected and only its own requests' numbers", async () => {
    const list = await roOfficer.c.get("/api/incidents");
    expect(list.statusCode).toBe(200);
    expect(list.data.items).toEqual([expect.objectContaining({ id, title: TITLE, parties: ["RO"], status: "open" })]);
    const read = await roOfficer.c.get(`/api/incidents/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data.affectedParties.map((p: { iso2: string }) => p.iso2)).toEqual(["RO"]);
    // Romania is party to the Chile–Romania request, not to the Chile–France one.
    expect(read.data.requestNumbers).toEqual([clRo]);
    expect((await clOfficer.c.get(`/api/incidents/${id}`)).data.requestNumbers).toEqual([clRo, clFr]);
    // France is not affected: the incident does not exist for it.
    expect((await frOfficer.c.get(`/api/incidents/${id}`)).statusCode).toBe(404);
    expect((await frOfficer.c.get("/api/incidents")).data.items).toEqual([]);
    expect((await observer.get("/api/incidents")).statusCode).toBe(403);
  });

  it("lets only the Secretariat record or update; a Party reads only", async () => {
    expect((await roAdmin.c.post("/api/incidents", incident())).statusCode).toBe(403);
    expect((await roOfficer.c.post(`/api/incidents/${id}/updates`, { note: "We fixed it" })).statusCode).toBe(403);
    expect((await secretariat.get("/api/incidents")).data.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await ctx.db.tx((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(securityIncidents));
    const empty = await secretariat.post("/api/incidents", incident({ dataCategories: [], title: " " }));
    expect(empty.statusCode).toBe(400);
    expect(empty.data.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["body.dataCategories", "body.title"]),
    );
    const unknown = await secretariat.post("/api/incidents", incident({ affectedParties: ["RO", "QQ"] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.issues).toEqual([{ path: "body.affectedParties.1", message: "Unknown Party" }]);
    const future = await secretariat.post("/api/incidents", incident({ detectedAt: "2026-11-22T00:00:00Z" }));
    expect(future.statusCode).toBe(400);
    expect(future.data.error.code).toBe("detected_in_future");
    const badNumber = await secretariat.post("/api/incidents", incident({ requestNumbers: ["17"] }));
    expect(badNumber.statusCode).toBe(400);
    const after = await ctx.db.tx((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(securityIncidents));
    expect(after).toEqual(before);
  });

  it("takes later updates: a Party found affected since is told like the first, the others that there is news", async () => {
    clock.advance(30 * 60_000);
    const res = await secretariat.post(`/api/incidents/${id}/updates`, {
      note: "The intruder also opened a request sent to France.",
      addParties: ["FR"],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.affectedParties.map((p: { iso2: string }) => p.iso2)).toEqual(["CL", "FR", "RO"]);
    expect(await notificationsOf(frOfficer.user.id, "incident.recorded")).toHaveLength(1);
    expect(await notificationsOf(roOfficer.user.id, "incident.updated")).toHaveLength(1);
    const fr = await frOfficer.c.get(`/api/incidents/${id}`);
    expect(fr.statusCode).toBe(200);
    expect(fr.data.requestNumbers).toEqual([clFr]);
    expect(fr.data.updates).toEqual([
      expect.objectContaining({ note: expect.stringContaining("France"), status: null }),
    ]);
    const again = await secretariat.post(`/api/incidents/${id}/updates`, { note: "x", addParties: ["FR"] });
    expect(again.statusCode).toBe(400);
    expect(again.data.error.code).toBe("already_affected");
  });

  it("closes it with a last update, and keeps the updates append-only in the database", async () => {
    clock.advance(60 * 60_000);
    const res = await secretariat.post(`/api/incidents/${id}/updates`, {
      note: "Assessment done: no data left the mailbox.",
      status: "closed",
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.status).toBe("closed");
    expect(res.data.closedAt).toBe(clock.now().toISOString());
    expect(res.data.updates.map((u: { status: string | null }) => u.status)).toEqual([null, "closed"]);
    expect((await roOfficer.c.get("/api/incidents")).data.items[0].status).toBe("closed");
    // The record stays as written: the application's role can neither rewrite nor delete an update.
    for (const statement of [
      sql`update security_incident_updates set note = 'rewritten'`,
      sql`delete from security_incident_updates`,
    ]) {
      const denied = await ctx.db
        .tx((tx) => tx.execute(statement))
        .then(
          () => "done",
          (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
        );
      expect(denied).toMatch(/permission denied/);
    }
  });

  it("audits every record, update and read", async () => {
    const rows = await ctx.db.tx((tx) =>
      tx
        .select({ action: auditLog.action, party: auditLog.actorPartyId })
        .from(auditLog)
        .where(eq(auditLog.targetId, id)),
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === "incident.recorded")).toHaveLength(1);
    expect(actions.filter((a) => a === "incident.updated")).toHaveLength(2);
    expect(actions.filter((a) => a === "incident.read").length).toBeGreaterThanOrEqual(3);
  });
});

describe("retention of the incident register (Art. 14(5))", () => {
  const DAY = 86_400_000;

  it("removes a closed incident's words after five years and keeps the record; an open one stays whole", async () => {
    const closed = await secretariat.post(
      "/api/incidents",
      incident({ title: "Laptop of Ana Example stolen", description: "Ana Example's laptop held 3 requests." }),
    );
    expect(closed.statusCode, closed.body).toBe(201);
    const closing = await secretariat.post(`/api/incidents/${closed.data.id}/updates`, {
      note: "Disk was encrypted; Ana Example confirmed.",
      status: "closed",
    });
    expect(closing.statusCode, closing.body).toBe(200);
    const open = await secretariat.post("/api/incidents", incident({ title: "Still under review" }));
    expect(open.statusCode, open.body).toBe(201);

    // One day short of the period: nothing happens.
    clock.advance(INCIDENT_RETENTION_DAYS * DAY - DAY);
    expect((await purgeClosedIncidents(ctx)).purged).toBe(0);
    clock.advance(DAY);
    const report = await purgeClosedIncidents(ctx);
    expect(report.purged).toBeGreaterThanOrEqual(1);
    expect(report.updates).toBeGreaterThanOrEqual(1);

    // Five years on, everyone signs in again.
    const later = (await signedIn(app, ctx, "sec.inc.later@example.org", "secretariat", null)).c;
    const roLater = (await signedIn(app, ctx, "duty.inc.ro.later@example.org", "officer", "RO")).c;
    const read = await roLater.get(`/api/incidents/${closed.data.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data).toMatchObject({
      title: "",
      description: "",
      measures: "",
      recordedBy: "—",
      status: "closed",
      dataCategories: ["request_content", "attachments"],
      requestNumbers: [clRo],
      purgedAt: clock.now().toISOString(),
    });
    expect(read.data.affectedParties.map((p: { iso2: string }) => p.iso2)).toEqual(["RO"]);
    expect(read.data.updates).toEqual([expect.objectContaining({ note: "", author: "—", status: "closed" })]);
    expect(JSON.stringify(read.data)).not.toContain("Ana Example");

    // The open incident is kept as it is, however old.
    const stillOpen = await later.get(`/api/incidents/${open.data.id}`);
    expect(stillOpen.data).toMatchObject({ title: "Still under review", purgedAt: null });

    // A purged incident takes no more updates; a second run changes nothing, and each run is recorded.
    const late = await later.post(`/api/incidents/${closed.data.id}/updates`, { note: "More" });
    expect(late.statusCode).toBe(410);
    expect(late.data.error.code).toBe("incident_purged");
    expect((await purgeClosedIncidents(ctx)).purged).toBe(0);
    const runs = await ctx.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "incidents.purged")).orderBy(auditLog.id),
    );
    expect(runs.map((r) => r.details.purged)).toEqual([0, report.purged, 0]);
    expect(runs[1]?.details.incidents).toContain(closed.data.id);
  });

  it("refuses to blank the updates of an incident that is not purged, even for the application's role", async () => {
    const [row] = await ctx.db.tx((tx) =>
      tx.select({ id: securityIncidents.id }).from(securityIncidents).where(isNull(securityIncidents.purgedAt)),
    );
    const id = row?.id;
    expect(id).toBeDefined();
    const refused = await ctx.db
      .tx((tx) => queryRows(tx, sql`select scrub_purged_incident_updates(${id}::uuid)`))
      .then(
        () => "done",
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(refused).toMatch(/is not purged/);
  });
});
