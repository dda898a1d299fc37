import { and, eq, inArray } from "drizzle-orm";
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
import { loadDemoNetwork } from "../demo/seed";
import { notifications } from "../notify/tables";
import { onwardTransferAuthorisation } from "./onward-transfer";
import { requests } from "./tables";
import { onwardTransfers } from "./transfer-tables";

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
let secretariat: TestClient;
type Signed = { c: TestClient; user: UserRow };
let roOfficer: Signed;
let roAdmin: Signed;
let clOfficer: Signed;
let clAdmin: Signed;
let frOfficer: Signed;
let frAdmin: Signed;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  secretariat = (await signedIn(app, ctx, "sec.tr@example.org", "secretariat", null)).c;
  roOfficer = await signedIn(app, ctx, "duty.tr.ro@example.org", "officer", "RO");
  roAdmin = await signedIn(app, ctx, "admin.tr.ro@example.org", "party_admin", "RO");
  clOfficer = await signedIn(app, ctx, "duty.tr.cl@example.org", "officer", "CL");
  clAdmin = await signedIn(app, ctx, "admin.tr.cl@example.org", "party_admin", "CL");
  frOfficer = await signedIn(app, ctx, "duty.tr.fr@example.org", "officer", "FR");
  frAdmin = await signedIn(app, ctx, "admin.tr.fr@example.org", "party_admin", "FR");
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const kindsOf = async (userId: string) =>
  (await ctx.db.tx((tx) => tx.select().from(notifications).where(eq(notifications.userId, userId)))).map((n) => n.kind);

const upload = (c: TestClient, id: string) =>
  app.inject({
    method: "POST",
    url: `/api/requests/${id}/attachments?filename=notes.txt`,
    headers: {
      cookie: `vigil_session=${c.cookie}`,
      "x-csrf-token": c.csrf as string,
      "content-type": "application/octet-stream",
    },
    payload: Buffer.from("Logs are kept 90 days.\n"),
  });

const warningCodes = async (c: TestClient, party: string) =>
  (await c.get(`/api/requests/route?party=${party}&type=legal_information`)).data.warnings.map(
    (w: { code: string }) => w.code,
  );

describe("suspending transfers to a Party (Art. 14(15))", () => {
  let suspensionId: string;
  let fromChile: { id: string; number: string };

  it("lets a Party's admin suspend its transfers to another Party, telling both Parties' admins", async () => {
    const sent = await sendLegalQuestion(clOfficer.c, "RO");
    expect(sent.statusCode).toBe(200);
    fromChile = sent.data;
    expect(
      (await roOfficer.c.post("/api/transfer-suspensions", { fromParty: "RO", toParty: "CL", reason: "x" })).statusCode,
    ).toBe(403);
    const res = await roAdmin.c.post("/api/transfer-suspensions", {
      fromParty: "RO",
      toParty: "CL",
      reason: "Assurances on the use of data under review",
    });
    expect(res.statusCode, res.body).toBe(201);
    suspensionId = res.data.id;
    expect(res.data).toMatchObject({ from: { iso2: "RO" }, to: { iso2: "CL" }, liftedAt: null });
    expect(await kindsOf(roAdmin.user.id)).toContain("transfers.suspended");
    expect(await kindsOf(clAdmin.user.id)).toContain("transfers.suspended");
    // Admins decide on it; officers and uninvolved Parties are not told.
    expect(await kindsOf(roOfficer.user.id)).not.toContain("transfers.suspended");
    expect(await kindsOf(frAdmin.user.id)).not.toContain("transfers.suspended");
  });

  it("refuses a second one for the same direction, one to the own Party, and one for another Party", async () => {
    const again = await roAdmin.c.post("/api/transfer-suspensions", {
      fromParty: "RO",
      toParty: "CL",
      reason: "again",
    });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.code).toBe("already_suspended");
    const own = await roAdmin.c.post("/api/transfer-suspensions", { fromParty: "RO", toParty: "RO", reason: "x" });
    expect(own.statusCode).toBe(400);
    const forOther = await clAdmin.c.post("/api/transfer-suspensions", { fromParty: "RO", toParty: "FR", reason: "x" });
    expect(forOther.statusCode).toBe(403);
    const noReason = await roAdmin.c.post("/api/transfer-suspensions", { fromParty: "RO", toParty: "FR", reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error.issues[0].path).toBe("body.reason");
  });

  it("warns in the route preview, on both sides", async () => {
    expect(await warningCodes(roOfficer.c, "CL")).toContain("transfers_suspended");
    expect(await warningCodes(clOfficer.c, "RO")).toContain("transfers_suspended_by_party");
    expect(await warningCodes(roOfficer.c, "FR")).not.toContain("transfers_suspended");
  });

  it("stops the suspending Party's requests, messages and attachments to that Party with a 409 naming it", async () => {
    const send = await sendLegalQuestion(roOfficer.c, "CL");
    expect(send.statusCode).toBe(409);
    expect(send.data.error.code).toBe("transfers_suspended");
    expect(send.data.error.message).toMatch(/suspended transfers to Chile on 2026-11-21/);
    const [draft] = await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, send.draftId)));
    expect(draft?.state).toBe("draft");
    const message = await roOfficer.c.post(`/api/requests/${fromChile.id}/messages`, { body: "Here are the logs" });
    expect(message.statusCode).toBe(409);
    expect(message.data.error.code).toBe("transfers_suspended");
    const attachment = await upload(roOfficer.c, fromChile.id);
    expect(attachment.statusCode).toBe(409);
    expect(JSON.parse(attachment.body).error.code).toBe("transfers_suspended");
    // The other direction is not suspended, nor are Romania's transfers to others.
    expect((await clOfficer.c.post(`/api/requests/${fromChile.id}/messages`, { body: "Any news?" })).statusCode).toBe(
      200,
    );
    expect((await sendLegalQuestion(roOfficer.c, "FR")).statusCode).toBe(200);
  });

  it("lets the suspending Party take steps on a received request, but not with a note, which would be a transfer", async () => {
    const noted = await roOfficer.c.post(`/api/requests/${fromChile.id}/transitions`, {
      to: "acknowledged",
      note: "Logs of 2026-11-20 are kept",
    });
    expect(noted.statusCode).toBe(409);
    expect(noted.data.error.code).toBe("transfers_suspended");
    expect(noted.data.error.message).toMatch(/without a note/);
    const [still] = await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, fromChile.id)));
    expect(still?.state).toBe("sent");
    // The same step with no words in it goes through: Chile learns where its request stands.
    const bare = await roOfficer.c.post(`/api/requests/${fromChile.id}/transitions`, { to: "acknowledged" });
    expect(bare.statusCode, bare.body).toBe(200);
    expect(bare.data.state).toBe("acknowledged");
  });

  it("lets the Secretariat suspend on a Party's behalf, and shows each Party only the suspensions it is part of", async () => {
    const res = await secretariat.post("/api/transfer-suspensions", {
      fromParty: "FR",
      toParty: "CL",
      reason: "At France's request, by telephone",
    });
    expect(res.statusCode).toBe(201);
    const pairs = (list: { items: { from: { iso2: string }; to: { iso2: string } }[] }) =>
      list.items.map((s) => `${s.from.iso2}>${s.to.iso2}`).sort();
    expect(pairs((await frOfficer.c.get("/api/transfer-suspensions")).data)).toEqual(["FR>CL"]);
    expect(pairs((await clOfficer.c.get("/api/transfer-suspensions")).data)).toEqual(["FR>CL", "RO>CL"]);
    expect(pairs((await secretariat.get("/api/transfer-suspensions")).data)).toEqual(["FR>CL", "RO>CL"]);
    expect((await frOfficer.c.get("/api/transfer-suspensions")).data.canManage).toBe(false);
    expect((await frAdmin.c.get("/api/transfer-suspensions")).data.canManage).toBe(true);
  });

  it("is lifted by the suspending Party only; transfers resume and both admins are told", async () => {
    expect((await clAdmin.c.post(`/api/transfer-suspensions/${suspensionId}/lift`, { reason: "x" })).statusCode).toBe(
      403,
    );
    expect((await frAdmin.c.post(`/api/transfer-suspensions/${suspensionId}/lift`, { reason: "x" })).statusCode).toBe(
      404,
    );
    clock.advance(20 * 60_000);
    const lifted = await roAdmin.c.post(`/api/transfer-suspensions/${suspensionId}/lift`, {
      reason: "Assurances received",
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.data).toMatchObject({ liftedAt: clock.now().toISOString(), liftReason: "Assurances received" });
    expect(await kindsOf(clAdmin.user.id)).toContain("transfers.resumed");
    expect(await kindsOf(roAdmin.user.id)).toContain("transfers.resumed");
    expect((await roAdmin.c.post(`/api/transfer-suspensions/${suspensionId}/lift`, { reason: "x" })).statusCode).toBe(
      409,
    );
    expect(
      (await roOfficer.c.post(`/api/requests/${fromChile.id}/messages`, { body: "Here are the logs" })).statusCode,
    ).toBe(200);
    expect((await sendLegalQuestion(roOfficer.c, "CL")).statusCode).toBe(200);
    // Active ones by default; the history on asking.
    expect((await clOfficer.c.get("/api/transfer-suspensions")).data.items).toHaveLength(1);
    expect((await clOfficer.c.get("/api/transfer-suspensions?all=true")).data.items).toHaveLength(2);
  });

  it("is in the audit trail", async () => {
    const rows = await ctx.db.tx((tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.targetId, suspensionId),
            inArray(auditLog.action, ["transfers.suspended", "transfers.resumed"]),
          ),
        ),
    );
    expect(rows.map((r) => r.action)).toEqual(["transfers.suspended", "transfers.resumed"]);
  });
});

describe("onward transfer only with the sender's recorded authorisation (Art. 14(10))", () => {
  let request: { id: string; number: string };
  let toFrance: string;

  beforeAll(async () => {
    request = (await sendLegalQuestion(clOfficer.c, "RO")).data;
  });

  it("lets the requested Party ask the sender, on the timeline with a signed receipt, the sender told", async () => {
    const fromSender = await clOfficer.c.post(`/api/requests/${request.id}/onward-transfers`, {
      recipientKind: "state",
      recipientState: "FR",
      purpose: "x",
    });
    expect(fromSender.statusCode).toBe(409);
    const res = await roOfficer.c.post(`/api/requests/${request.id}/onward-transfers`, {
      recipientKind: "state",
      recipientState: "FR",
      purpose: "A French investigation into the same ransomware group",
    });
    expect(res.statusCode, res.body).toBe(201);
    toFrance = res.data.id;
    expect(res.data).toMatchObject({ status: "pending", recipientState: "FR", recipientName: "France" });
    const detail = await clOfficer.c.get(`/api/requests/${request.id}`);
    const step = detail.data.timeline.find((e: { kind: string }) => e.kind === "onward_transfer_asked");
    expect(step.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await clOfficer.c.post("/api/receipts/verify", { receipt: step.receipt })).data.valid).toBe(true);
    expect(await kindsOf(clOfficer.user.id)).toContain("request.onward_transfer_asked");
    const list = await clOfficer.c.get(`/api/requests/${request.id}/onward-transfers`);
    expect(list.data).toMatchObject({ canAsk: false, canDecide: true });
    expect((await roOfficer.c.get(`/api/requests/${request.id}/onward-transfers`)).data).toMatchObject({
      canAsk: true,
      canDecide: false,
    });
    // A third Party learns nothing of it.
    expect((await frOfficer.c.get(`/api/requests/${request.id}/onward-transfers`)).statusCode).toBe(404);
  });

  it("refuses a recipient that is one of the request's own Parties, or an unnamed organisation", async () => {
    const sender = await roOfficer.c.post(`/api/requests/${request.id}/onward-transfers`, {
      recipientKind: "state",
      recipientState: "CL",
      purpose: "x",
    });
    expect(sender.statusCode).toBe(400);
    expect(sender.data.error.code).toBe("not_a_third_state");
    const unnamed = await roOfficer.c.post(`/api/requests/${request.id}/onward-transfers`, {
      recipientKind: "organisation",
      purpose: "x",
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.data.error.issues[0].path).toBe("body.recipientName");
  });

  it("allows nothing before the sender authorises; then exactly that recipient", async () => {
    const check = (q: string) => roOfficer.c.get(`/api/requests/${request.id}/onward-transfers/check?${q}`);
    expect((await check("recipientState=FR")).data).toEqual({ allowed: false, authorisation: null });
    expect(
      (
        await roOfficer.c.post(`/api/requests/${request.id}/onward-transfers/${toFrance}/decision`, {
          decision: "authorised",
        })
      ).statusCode,
    ).toBe(409);
    const res = await clOfficer.c.post(`/api/requests/${request.id}/onward-transfers/${toFrance}/decision`, {
      decision: "authorised",
      conditions: "For the French case only; no further transfer",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({
      status: "authorised",
      decisionNote: "For the French case only; no further transfer",
    });
    expect(await kindsOf(roOfficer.user.id)).toContain("request.onward_transfer_decided");
    const allowed = (await check("recipientState=FR")).data;
    expect(allowed.allowed).toBe(true);
    expect(allowed.authorisation.id).toBe(toFrance);
    expect((await check("recipientState=DE")).data.allowed).toBe(false);
    expect((await check("")).statusCode).toBe(400);
    const twice = await clOfficer.c.post(`/api/requests/${request.id}/onward-transfers/${toFrance}/decision`, {
      decision: "refused",
      reason: "Changed our mind",
    });
    expect(twice.statusCode).toBe(409);
    const detail = await roOfficer.c.get(`/api/requests/${request.id}`);
    expect(detail.data.timeline.map((e: { kind: string }) => e.kind)).toContain("onward_transfer_authorised");
  });

  it("records a refusal with its reason, and a refused recipient stays refused", async () => {
    const asked = await roOfficer.c.post(`/api/requests/${request.id}/onward-transfers`, {
      recipientKind: "organisation",
      recipientName: "Europol (fictional liaison desk)",
      purpose: "Analysis project",
    });
    expect(asked.statusCode).toBe(201);
    const noReason = await clOfficer.c.post(`/api/requests/${request.id}/onward-transfers/${asked.data.id}/decision`, {
      decision: "refused",
    });
    expect(noReason.statusCode).toBe(400);
    const refused = await clOfficer.c.post(`/api/requests/${request.id}/onward-transfers/${asked.data.id}/decision`, {
      decision: "refused",
      reason: "Not covered by the purpose of our request",
    });
    expect(refused.statusCode).toBe(200);
    const check = await roOfficer.c.get(
      `/api/requests/${request.id}/onward-transfers/check?recipientName=${encodeURIComponent(" europol (fictional liaison desk) ")}`,
    );
    expect(check.data.allowed).toBe(false);
    const detail = await roOfficer.c.get(`/api/requests/${request.id}`);
    const kinds = detail.data.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k.startsWith("onward_transfer_"))).toEqual([
      "onward_transfer_asked",
      "onward_transfer_authorised",
      "onward_transfer_asked",
      "onward_transfer_refused",
    ]);
    const audit = await ctx.db.tx((tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, request.id)),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "request.onward_transfer_asked",
        "request.onward_transfer_authorised",
        "request.onward_transfer_refused",
        "request.onward_transfer_checked",
      ]),
    );
  });

  it("is one rule over the records: only an authorisation for that very recipient counts", async () => {
    const records = await ctx.db.tx((tx) =>
      tx.select().from(onwardTransfers).where(eq(onwardTransfers.requestId, request.id)),
    );
    expect(onwardTransferAuthorisation(records, { recipientState: "FR" })?.id).toBe(toFrance);
    expect(onwardTransferAuthorisation(records, { recipientState: "DE" })).toBeNull();
    expect(onwardTransferAuthorisation(records, { recipientName: "Europol (fictional liaison desk)" })).toBeNull();
    // A pending ask is no authorisation.
    const pending = records.map((r) => ({ ...r, status: "pending" as const }));
    expect(onwardTransferAuthorisation(pending, { recipientState: "FR" })).toBeNull();
    expect(onwardTransferAuthorisation([], { recipientState: "FR" })).toBeNull();
  });
});
