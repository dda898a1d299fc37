import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser } from "../../../test/harness/factories";
import { partyAccessLog } from "../audit/access-log";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { type Actor, queryRows, SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { actorOf } from "../http/guard";
import { listIncidents, readIncident, recordIncident } from "../incidents/incidents";
import { givePurpose } from "./assignments";
import { addAttachment, downloadAttachment } from "./attachments";
import { rotateCalendarFeed } from "./calendar";
import { sampleContent } from "./documents/sample";
import { askOnwardTransfer, decideOnwardTransfer, listOnwardTransfers } from "./onward-transfer";
import { createDraft, listRequests, readRequest, requestDocument, sendRequest } from "./requests";
import { listRetention } from "./retention";
import { addMessage, giveFeedback, transition } from "./steps";
import { liftSuspension, listSuspensions, suspendTransfers } from "./suspension";

/**
 * The auditor (SAP Art. 14(13–14)): Romania's supervisory authority reads what Romania's users
 * read about Romania's requests, and changes nothing, in two layers: the use cases refuse it
 * (403 from the policy), and the database refuses its writes even when a query forgets to ask
 * (restrictive row-level security, migrations/0020_auditor.sql), while the same raw writes by
 * Romania's officer go through, so the refusal is the auditor's, not a missing row.
 */

const meta = { ip: null, userAgent: null };
let ctx: AppContext;
let clock: ManualClock;
let clOfficer: UserRow;
let clAdmin: UserRow;
let roOfficer: UserRow;
let roAdmin: UserRow;
let auditor: UserRow; // Romania's
let frAuditor: UserRow; // France's, no part in the request
let secretariat: UserRow;
let requestId: string;
let attachmentId: string;
let onwardId: string;
let suspensionId: string;
let incidentId: string;

const rowsAs = <T = Record<string, unknown>>(actor: Actor, query: SQL) =>
  ctx.db.tx((tx) => queryRows<T>(tx, query), actor);

async function refused(write: Promise<unknown>, reason: RegExp = /row-level security/): Promise<void> {
  const err = await write.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, "the database should refuse this write").not.toBeNull();
  expect(err?.cause?.message ?? err?.message).toMatch(reason);
}

async function status(call: Promise<unknown>): Promise<number> {
  return call.then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );
}

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  const user = async (email: string, role: Parameters<typeof makeUser>[1]["role"], party: string | null) =>
    (await makeUser(ctx, { email, role, party })).user;
  clOfficer = await user("aud.officer.cl@example.org", "officer", "CL");
  clAdmin = await user("aud.admin.cl@example.org", "party_admin", "CL");
  roOfficer = await user("aud.officer.ro@example.org", "officer", "RO");
  roAdmin = await user("aud.admin.ro@example.org", "party_admin", "RO");
  auditor = await user("aud.auditor.ro@example.org", "auditor", "RO");
  frAuditor = await user("aud.auditor.fr@example.org", "auditor", "FR");
  secretariat = await user("aud.sec@example.org", "secretariat", null);

  const { id } = await createDraft(ctx, clOfficer, { type: "preservation", requestedParty: "RO", content: {} }, meta);
  requestId = (await sendRequest(ctx, clOfficer, id, sampleContent("preservation", { requestedParty: "RO" }), meta)).id;
  attachmentId = (
    await addAttachment(ctx, clOfficer, requestId, { filename: "logs.txt", body: Buffer.from("fictional\n") }, meta)
  ).id;
  clock.advance(10 * 60_000);
  await transition(ctx, roOfficer, requestId, { to: "acknowledged", note: "" }, meta);
  await addMessage(ctx, roOfficer, requestId, { body: "Preserved tonight (fictional)." }, meta);
  onwardId = (
    await askOnwardTransfer(
      ctx,
      roOfficer,
      requestId,
      { recipientKind: "state", recipientState: "FR", purpose: "A joint investigation (fictional)" },
      meta,
    )
  ).id;
  suspensionId = (
    await suspendTransfers(ctx, roAdmin, { fromParty: "RO", toParty: "MT", reason: "A fictional breach" }, meta)
  ).id;
  incidentId = (
    await recordIncident(
      ctx,
      secretariat,
      {
        title: "Mis-sent notification (fictional)",
        detectedAt: clock.now().toISOString(),
        description: "A notification went to a wrong address.",
        dataCategories: ["messages"],
        affectedParties: ["RO"],
        requestNumbers: [],
        measures: "Deleted by the recipient.",
      } as Parameters<typeof recordIncident>[2],
      meta,
    )
  ).id;
  // Neither Romania's auditor nor Chile's admin handles the request: each says why they open it.
  await givePurpose(ctx, auditor, requestId, { reason: "data_protection_review", note: "Review (fictional)" }, meta);
  await givePurpose(ctx, clAdmin, requestId, { reason: "supervision", note: "" }, meta);
});
afterAll(async () => {
  await ctx.db.close();
});

describe("the auditor's reads", () => {
  it("reads its Party's requests, timeline, messages, documents and attachments, each read audited as it", async () => {
    const list = await listRequests(ctx, auditor, { box: "inbox", limit: 50, offset: 0, overdue: false });
    expect(list.items.map((r) => r.id)).toEqual([requestId]);
    const detail = await readRequest(ctx, auditor, requestId, meta);
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["sent", "transition", "message"]));
    expect(detail.messages.map((m) => m.body)).toEqual(["Preserved tonight (fictional)."]);
    expect(detail.attachments.map((a) => a.id)).toEqual([attachmentId]);
    // The server offers it no step, no message, no feedback: the UI shows no button.
    expect(detail.actions).toEqual([]);
    const doc = await requestDocument(ctx, auditor, requestId, "pdf", "en", meta);
    expect(doc.body.subarray(0, 5).toString()).toBe("%PDF-");
    const file = await downloadAttachment(ctx, auditor, requestId, attachmentId, meta);
    expect(file.body.toString()).toBe("fictional\n");
    const onward = await listOnwardTransfers(ctx, auditor, requestId, meta);
    expect(onward.items.map((o) => o.id)).toEqual([onwardId]);
    expect({ canAsk: onward.canAsk, canDecide: onward.canDecide }).toEqual({ canAsk: false, canDecide: false });
    const log = await partyAccessLog(ctx, auditor, { by: "all", limit: 100, offset: 0 });
    const mine = log.entries.filter((e) => e.who === auditor.email).map((e) => e.kind);
    expect(mine).toEqual(
      expect.arrayContaining(["read", "exported", "attachment_downloaded", "onward_transfers_read"]),
    );
  });

  it("reads incidents naming its Party, its suspensions and the retention periods; nothing of another Party", async () => {
    expect((await listIncidents(ctx, auditor, meta)).items.map((i) => i.id)).toEqual([incidentId]);
    expect((await readIncident(ctx, auditor, incidentId, meta)).id).toBe(incidentId);
    const suspensions = await listSuspensions(ctx, auditor, { all: true });
    expect(suspensions.items.map((s) => s.id)).toEqual([suspensionId]);
    expect(suspensions.canManage).toBe(false);
    expect((await listRetention(ctx, auditor)).periods.length).toBeGreaterThan(0);
    // France's auditor: not its Party's request, incident or suspension.
    expect(await status(readRequest(ctx, frAuditor, requestId, meta))).toBe(404);
    expect(await status(readIncident(ctx, frAuditor, incidentId, meta))).toBe(404);
    expect((await listSuspensions(ctx, frAuditor, { all: true })).items).toEqual([]);
    expect((await listRequests(ctx, frAuditor, { box: "inbox", limit: 50, offset: 0, overdue: false })).items).toEqual(
      [],
    );
  });
});

describe("the auditor's writes", () => {
  it("is refused every change by the use cases (403), and nothing changed", async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ["draft", () => createDraft(ctx, auditor, { type: "preservation", requestedParty: "CL", content: {} }, meta)],
      ["transition", () => transition(ctx, auditor, requestId, { to: "in_progress", note: "" }, meta)],
      ["message", () => addMessage(ctx, auditor, requestId, { body: "x" }, meta)],
      ["feedback", () => giveFeedback(ctx, auditor, requestId, { rating: "useful", comment: "" }, meta)],
      ["attachment", () => addAttachment(ctx, auditor, requestId, { filename: "a.txt", body: Buffer.from("a") }, meta)],
      [
        "onward ask",
        () =>
          askOnwardTransfer(
            ctx,
            auditor,
            requestId,
            { recipientKind: "state", recipientState: "DE", purpose: "x" },
            meta,
          ),
      ],
      [
        "onward decision",
        () => decideOnwardTransfer(ctx, auditor, requestId, onwardId, { decision: "authorised", conditions: "" }, meta),
      ],
      ["suspend", () => suspendTransfers(ctx, auditor, { fromParty: "RO", toParty: "CL", reason: "x" }, meta)],
      ["lift", () => liftSuspension(ctx, auditor, suspensionId, { reason: "x" }, meta)],
      ["calendar", () => rotateCalendarFeed(ctx, auditor, meta)],
    ];
    const got = Object.fromEntries(await Promise.all(calls.map(async ([name, f]) => [name, await status(f())])));
    expect(got).toEqual(Object.fromEntries(calls.map(([name]) => [name, 403])));
    const detail = await readRequest(ctx, roOfficer, requestId, meta, { audit: false });
    expect(detail.state).toBe("acknowledged");
    expect(detail.messages).toHaveLength(1);
    expect(detail.attachments).toHaveLength(1);
    expect((await listOnwardTransfers(ctx, clAdmin, requestId, meta)).items.map((o) => o.status)).toEqual(["pending"]);
  });
});

describe("row-level security for the auditor, without the application's checks", () => {
  it("lets its transaction read its Party's rows, and not another Party's", async () => {
    const own = actorOf(auditor);
    expect(await rowsAs(own, sql`select id from requests`)).toEqual([{ id: requestId }]);
    for (const table of ["request_events", "request_messages", "request_attachments", "onward_transfers"]) {
      const t = sql.raw(table);
      expect((await rowsAs(own, sql`select request_id from ${t}`)).length, table).toBeGreaterThan(0);
      expect(await rowsAs(actorOf(frAuditor), sql`select * from ${t}`), table).toEqual([]);
    }
    expect(await rowsAs(own, sql`select id from transfer_suspensions`)).toEqual([{ id: suspensionId }]);
    expect(await rowsAs(own, sql`select id from security_incidents`)).toEqual([{ id: incidentId }]);
    expect(await rowsAs(actorOf(frAuditor), sql`select * from requests`)).toEqual([]);
  });

  it("lets it update, delete or insert nothing, where Romania's officer and admin could", async () => {
    const own = actorOf(auditor);
    const party = auditor.partyId as string;
    // The same statements as Romania's officer and admin change rows (rolled back by a throw).
    const rollback = new Error("rollback");
    const asOfficer = async (actor: Actor, query: SQL) =>
      ctx.db
        .tx(async (tx) => {
          const rows = await queryRows(tx, query);
          expect(rows.length).toBeGreaterThan(0);
          throw rollback;
        }, actor)
        .catch((e) => expect(e).toBe(rollback));
    const updates: SQL[] = [
      sql`update requests set updated_at = updated_at returning id`,
      sql`update onward_transfers set purpose = 'changed' returning id`,
      sql`update transfer_suspensions set reason = 'changed' returning id`,
    ];
    await asOfficer(actorOf(roOfficer), updates[0] as SQL);
    await asOfficer(actorOf(roOfficer), updates[1] as SQL);
    await asOfficer(actorOf(roAdmin), updates[2] as SQL);
    for (const update of updates) expect(await rowsAs(own, update)).toEqual([]);
    expect(await rowsAs(own, sql`delete from requests returning id`)).toEqual([]);
    await refused(
      rowsAs(
        own,
        sql`insert into request_messages (request_id, at, party_id, body) values (${requestId}, now(), ${party}, 'x')`,
      ),
    );
    await refused(
      rowsAs(
        own,
        sql`insert into request_events (request_id, at, kind, actor_party_id) values (${requestId}, now(), 'message', ${party})`,
      ),
    );
    await refused(
      rowsAs(
        own,
        sql`insert into requests (type, sender_party_id, created_at, updated_at) values ('preservation', ${party}, now(), now())`,
      ),
    );
    await refused(
      rowsAs(
        own,
        sql`insert into transfer_suspensions (from_party_id, to_party_id, reason, suspended_at)
            values (${party}, ${clOfficer.partyId}, 'x', now())`,
      ),
    );
    await refused(
      rowsAs(
        own,
        sql`insert into onward_transfers (request_id, recipient_kind, purpose, asked_at, asked_by_label)
            values (${requestId}, 'organisation', 'x', now(), 'x')`,
      ),
    );
    await refused(
      rowsAs(own, sql`insert into calendar_feeds (user_id, token_hash, created_at) values (${auditor.id}, 'x', now())`),
    );
    const [after] = await rowsAs<{ purpose: string; reason: string; n: number }>(
      SYSTEM_ACTOR,
      sql`select (select purpose from onward_transfers where id = ${onwardId}) as purpose,
                 (select reason from transfer_suspensions where id = ${suspensionId}) as reason,
                 (select count(*)::int from request_messages where request_id = ${requestId}) as n`,
    );
    expect(after).toEqual({ purpose: "A joint investigation (fictional)", reason: "A fictional breach", n: 1 });
  });
});

describe("the auditor and sensitive requests (SAP Art. 14(4), 14(13–14))", () => {
  it("knows of a sensitive request its Party handles through someone else, and opens it after a purpose", async () => {
    const base = sampleContent("preservation", { requestedParty: "RO" });
    const { id } = await createDraft(ctx, clOfficer, { type: "preservation", requestedParty: "RO", content: {} }, meta);
    const sent = await sendRequest(
      ctx,
      clOfficer,
      id,
      { ...base, handlingConditions: { ...base.handlingConditions, sensitive: true } },
      meta,
    );
    await transition(ctx, roOfficer, sent.id, { to: "acknowledged", note: "" }, meta);
    const list = await listRequests(ctx, auditor, { box: "inbox", limit: 50, offset: 0, overdue: false });
    expect(list.items.map((r) => r.id)).toContain(sent.id);
    // Like an admin, it states why before reading; then it reads, and the database agrees.
    expect(await status(readRequest(ctx, auditor, sent.id, meta))).toBe(403);
    await givePurpose(ctx, auditor, sent.id, { reason: "data_protection_review", note: "Complaint (fictional)" }, meta);
    expect((await readRequest(ctx, auditor, sent.id, meta)).id).toBe(sent.id);
    expect(await rowsAs(actorOf(auditor), sql`select id from requests where id = ${sent.id}`)).toHaveLength(1);
    // France's auditor still knows nothing of it.
    expect(await rowsAs(actorOf(frAuditor), sql`select id from requests where id = ${sent.id}`)).toEqual([]);
  });
});
