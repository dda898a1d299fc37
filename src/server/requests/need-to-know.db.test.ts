import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser } from "../../../test/harness/factories";
import { AccessLogQuery } from "../../shared/access-log";
import { PurposeBody, RequestContent, type RequestContentInput } from "../../shared/requests";
import { createApiToken, resolveApiToken } from "../api-tokens/api-tokens";
import { partyAccessLog } from "../audit/access-log";
import type { ApiTokenPrincipal } from "../auth/principal";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { type Actor, queryRows, SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { actorOf } from "../http/guard";
import { assignHandler, givePurpose, unassignHandler } from "./assignments";
import { addAttachment, downloadAttachment } from "./attachments";
import { createDraft, listRequests, readRequest, requestDocument, sendRequest } from "./requests";
import { addMessage, transition } from "./steps";

/**
 * Need to know inside a Party (issue 6, points 3 and 8): who handles a request, the purpose asked
 * of anyone else of the two Parties before opening it, and the "sensitive" flag (SAP Art. 14(4))
 * that hides a request from everyone but its handlers and the Parties' admins — in the
 * application and, without its filter, in the database.
 */

const meta = { ip: null, userAgent: null };
const HOUR = 3_600_000;
let ctx: AppContext;
let clock: ManualClock;
let cl: UserRow; // Chile's duty officer, who sends
let cl2: UserRow; // another officer of Chile
let clAdmin: UserRow;
let ro: UserRow; // Romania's duty officer, who acknowledges
let ro2: UserRow; // a second officer of Romania
let roAdmin: UserRow;
let fr: UserRow;
let roToken: ApiTokenPrincipal;

const content = (sensitive: boolean, reference: string): RequestContent =>
  RequestContent.parse({
    type: "preservation",
    requestedParty: "RO",
    language: "en",
    reference,
    requestingAuthority: {
      organisation: "Fiscalía de Chile (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street, Santiago",
      phone: "+99 2 555 0100",
      email: "ntk.cl@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "America/Santiago",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "ntk.cl@example.org" },
    handlingConditions: { purpose: `Investigation ${reference}`, useLimits: "This case only", sensitive },
    identifiers: [{ kind: "ip", value: "192.0.2.45", observedAt: "2026-11-20T23:14", timeZone: "America/Santiago" }],
    details: {
      offence: "Unauthorised access",
      facts: "A fictional intrusion into a fictional clinic's patient records.",
      dataToPreserve: "Connection logs for the address at that time",
      relationToOffence: "The address was used for the intrusion",
      custodian: "Example Hosting SRL (fictional), Bucharest",
      necessity: "Logs are deleted after 30 days",
      mlaToFollow: true,
    },
  } satisfies RequestContentInput);

async function send(sensitive: boolean, reference: string): Promise<{ id: string; number: string }> {
  const { id } = await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta);
  const sent = await sendRequest(ctx, cl, id, content(sensitive, reference), meta);
  return { id: sent.id, number: sent.number };
}

/** The HTTP status and code a use case failed with. */
async function failure(p: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e as { status: number; code: string; message: string },
  );
  expect(err, "this call should have been refused").not.toBeNull();
  return { status: err?.status ?? 0, code: err?.code ?? "", message: err?.message ?? "" };
}

const rowsAs = <T = Record<string, unknown>>(actor: Actor, query: SQL) =>
  ctx.db.tx((tx) => queryRows<T>(tx, query), actor);

const audits = (id: string, action: string) =>
  rowsAs<{ actor_label: string; details: Record<string, unknown> }>(
    SYSTEM_ACTOR,
    sql`select actor_label, details from audit_log where target_id = ${id} and action = ${action} order by id`,
  );

/** How many in-app notifications about this request number the user has. */
const told = async (user: UserRow, number: string) =>
  (
    await ctx.db.tx(
      (tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from notifications where user_id = ${user.id} and params->>'number' = ${number}`,
        ),
      SYSTEM_ACTOR,
    )
  )[0]?.n ?? 0;

const inbox = async (user: UserRow | ApiTokenPrincipal) =>
  (await listRequests(ctx, user, { box: "inbox", limit: 200, offset: 0, overdue: false })).items;
const outbox = async (user: UserRow) =>
  (await listRequests(ctx, user, { box: "outbox", limit: 200, offset: 0, overdue: false })).items;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  const user = async (email: string, role: "officer" | "party_admin", party: string) =>
    (await makeUser(ctx, { email, role, party })).user;
  cl = await user("ntk.cl@example.org", "officer", "CL");
  cl2 = await user("ntk.cl2@example.org", "officer", "CL");
  clAdmin = await user("ntk.admin.cl@example.org", "party_admin", "CL");
  ro = await user("ntk.ro@example.org", "officer", "RO");
  ro2 = await user("ntk.ro2@example.org", "officer", "RO");
  roAdmin = await user("ntk.admin.ro@example.org", "party_admin", "RO");
  fr = await user("ntk.fr@example.org", "officer", "FR");
  const token = await createApiToken(
    ctx,
    roAdmin,
    { name: "Romania case system", scopes: ["requests:read", "requests:write"], expiresAt: null },
    meta,
  );
  const check = await ctx.db.tx((tx) => resolveApiToken(tx, token.token, clock.now(), meta), SYSTEM_ACTOR);
  if (!check.ok) throw check.error;
  roToken = check.principal;
});
afterAll(async () => {
  await ctx.db.close();
});

describe("who handles a request", () => {
  let req: { id: string; number: string };
  beforeAll(async () => {
    req = await send(false, "CL-NTK-ASSIGN");
  });

  it("starts with the sender; until Romania's side has a handler, every officer of Romania acts at once", async () => {
    const detail = await readRequest(ctx, cl, req.id, meta);
    expect(detail.handlers.map((h) => [h.name, h.party])).toEqual([["ntk.cl", "CL"]]);
    expect((await readRequest(ctx, ro2, req.id, meta)).openedFor).toBeNull();
    expect((await readRequest(ctx, roAdmin, req.id, meta)).actions).toEqual(expect.arrayContaining(["take", "assign"]));
    // Chile's side has a handler: Chile's other officer is asked why.
    expect(await failure(readRequest(ctx, cl2, req.id, meta))).toMatchObject({ status: 403, code: "purpose_required" });
  });

  it("makes whoever acknowledges a handler, on the timeline; then a colleague must give a purpose", async () => {
    clock.advance(4 * 60_000);
    const after = await transition(ctx, ro, req.id, { to: "acknowledged", note: "" }, meta);
    expect(after.handlers.map((h) => h.name)).toEqual(["ntk.cl", "ntk.ro"]);
    const step = after.timeline.find((s) => s.kind === "assigned");
    expect(step).toMatchObject({ actor: "ntk.ro", party: "RO", facts: { assignee: "ntk.ro" } });
    expect(after.actions).not.toContain("take");
    const refused = await failure(readRequest(ctx, ro2, req.id, meta));
    expect(refused).toMatchObject({ status: 403, code: "purpose_required" });
    // Nothing of the request but its number.
    expect(refused.message).toContain(req.number);
    expect(refused.message).not.toMatch(/preservation|Investigation|192\.0\.2/i);
    await addAttachment(ctx, ro, req.id, { filename: "preserved.txt", body: Buffer.from("fictional\n") }, meta);
    const attachmentId = (await readRequest(ctx, ro, req.id, meta)).attachments[0]?.id as string;
    expect(await failure(downloadAttachment(ctx, ro2, req.id, attachmentId, meta))).toMatchObject({
      code: "purpose_required",
    });
    expect(await failure(requestDocument(ctx, ro2, req.id, "pdf", "en", meta))).toMatchObject({
      code: "purpose_required",
    });
    expect(await failure(addMessage(ctx, ro2, req.id, { body: "x" }, meta))).toMatchObject({
      code: "purpose_required",
    });
    // The line stays in the lists: Romania's users know it exists.
    expect((await inbox(ro2)).map((r) => r.id)).toContain(req.id);
  });

  it("lets a Party admin assign an officer, who is told in-app; only admins assign others", async () => {
    clock.advance(60_000);
    expect(await failure(assignHandler(ctx, ro, req.id, { userId: ro2.id }, meta))).toMatchObject({ status: 403 });
    // Romania's admin is no handler either once Romania has one: she gives a purpose, then assigns.
    expect(await failure(assignHandler(ctx, roAdmin, req.id, { userId: ro2.id }, meta))).toMatchObject({
      code: "purpose_required",
    });
    await givePurpose(ctx, roAdmin, req.id, { reason: "supervision", note: "" }, meta);
    expect(await failure(assignHandler(ctx, roAdmin, req.id, { userId: fr.id }, meta))).toMatchObject({
      status: 400,
      code: "not_an_officer",
    });
    const detail = await assignHandler(ctx, roAdmin, req.id, { userId: ro2.id }, meta);
    expect(detail.handlers.map((h) => h.name)).toEqual(["ntk.cl", "ntk.ro", "ntk.ro2"]);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: "assigned",
      actor: "ntk.admin.ro",
      facts: { assignee: "ntk.ro2" },
    });
    const told = await rowsAs<{ kind: string; params: Record<string, unknown> }>(
      SYSTEM_ACTOR,
      sql`select kind, params from notifications where user_id = ${ro2.id} and kind = 'request.assigned'`,
    );
    expect(told).toEqual([{ kind: "request.assigned", params: { number: req.number } }]);
    expect((await readRequest(ctx, ro2, req.id, meta)).openedFor).toBeNull();
    expect((await audits(req.id, "request.assigned")).map((a) => a.actor_label)).toEqual(["ntk.admin.ro@example.org"]);
  });

  it("lets the admin remove a handler (the row stays as history), after which a purpose is asked again", async () => {
    expect(await failure(unassignHandler(ctx, ro, req.id, ro2.id, meta))).toMatchObject({ status: 403 });
    expect(await failure(unassignHandler(ctx, roAdmin, req.id, cl.id, meta))).toMatchObject({ status: 404 });
    const detail = await unassignHandler(ctx, roAdmin, req.id, ro2.id, meta);
    expect(detail.handlers.map((h) => h.name)).toEqual(["ntk.cl", "ntk.ro"]);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: "unassigned", facts: { assignee: "ntk.ro2" } });
    expect(await failure(readRequest(ctx, ro2, req.id, meta))).toMatchObject({ code: "purpose_required" });
    const history = await rowsAs(
      SYSTEM_ACTOR,
      sql`select removed_at from request_assignments where request_id = ${req.id} and user_id = ${ro2.id}`,
    );
    expect(history).toHaveLength(1);
  });

  it("lets an officer take a request after saying why, and never asks an API token", async () => {
    await givePurpose(ctx, ro2, req.id, { reason: "covering", note: "ntk.ro is off sick" }, meta);
    const taken = await assignHandler(ctx, ro2, req.id, {}, meta);
    expect(taken.handlers.map((h) => h.name)).toContain("ntk.ro2");
    expect(taken.timeline.at(-1)).toMatchObject({ kind: "assigned", actor: "ntk.ro2", facts: { assignee: "ntk.ro2" } });
    expect((await readRequest(ctx, roToken, req.id, meta)).number).toBe(req.number);
    expect(await failure(givePurpose(ctx, roToken, req.id, { reason: "supervision", note: "" }, meta))).toMatchObject({
      status: 403,
    });
  });
});

describe("the purpose asked of anyone else", () => {
  let req: { id: string; number: string };
  beforeAll(async () => {
    req = await send(false, "CL-NTK-PURPOSE");
    await transition(ctx, ro, req.id, { to: "acknowledged", note: "" }, meta);
  });

  it("is a reason, with words required for 'other' and kept short", () => {
    expect(PurposeBody.safeParse({ reason: "other", note: "" }).success).toBe(false);
    expect(PurposeBody.safeParse({ reason: "other", note: "x".repeat(501) }).success).toBe(false);
    expect(PurposeBody.safeParse({ reason: "guessing" }).success).toBe(false);
    expect(PurposeBody.parse({ reason: "supervision" })).toEqual({ reason: "supervision", note: "" });
  });

  it("opens the request for 12 hours, each read logged with it, then asks again", async () => {
    const opened = await givePurpose(ctx, ro2, req.id, { reason: "other", note: "Checking the ticket number" }, meta);
    expect(opened.number).toBe(req.number);
    expect(opened.openedFor).toEqual({
      reason: "other",
      note: "Checking the ticket number",
      until: new Date(clock.now().getTime() + 12 * HOUR).toISOString(),
    });
    const given = await audits(req.id, "request.purpose_given");
    expect(given.map((g) => g.details)).toEqual([
      expect.objectContaining({ reason: "other", purpose: "Checking the ticket number", side: "requested" }),
    ]);
    clock.advance(11 * HOUR);
    await readRequest(ctx, ro2, req.id, meta);
    const reads = (await audits(req.id, "request.read")).filter((r) => r.actor_label === "ntk.ro2@example.org");
    expect(reads).toHaveLength(2);
    for (const r of reads) expect(r.details).toMatchObject({ reason: "other", purpose: "Checking the ticket number" });
    clock.advance(HOUR + 60_000);
    expect(await failure(readRequest(ctx, ro2, req.id, meta))).toMatchObject({ code: "purpose_required" });
  });

  it("shows in the admin's access log, with the reason and the words", async () => {
    const log = await partyAccessLog(ctx, roAdmin, AccessLogQuery.parse({ by: "own" }));
    const mine = log.entries.filter((e) => e.who === "ntk.ro2@example.org" && e.target === req.number);
    expect(mine.map((e) => [e.kind, e.reason, e.purpose])).toEqual([
      ["read", "other", "Checking the ticket number"],
      ["read", "other", "Checking the ticket number"],
      ["purpose_given", "other", "Checking the ticket number"],
    ]);
    // Chile's admin reads it too: the request is Chile's as well.
    const chile = await partyAccessLog(ctx, clAdmin, AccessLogQuery.parse({ by: "other" }));
    expect(chile.entries.some((e) => e.kind === "purpose_given" && e.target === req.number)).toBe(true);
  });
});

describe("a sensitive request", () => {
  let req: { id: string; number: string };
  let fresh: { id: string; number: string };
  beforeAll(async () => {
    req = await send(true, "CL-NTK-SENSITIVE");
    await addAttachment(ctx, cl, req.id, { filename: "records.txt", body: Buffer.from("fictional\n") }, meta);
    fresh = await send(true, "CL-NTK-SENSITIVE-NEW");
  });

  it("is open to all of Romania's officers until someone there handles it, then only to the handlers", async () => {
    expect((await inbox(ro2)).find((r) => r.id === req.id)?.sensitive).toBe(true);
    expect((await readRequest(ctx, ro2, req.id, meta)).handlingConditions?.sensitive).toBe(true);
    await transition(ctx, ro, req.id, { to: "acknowledged", note: "" }, meta);
    await addMessage(ctx, ro, req.id, { body: "Preserved." }, meta);
    expect((await inbox(ro)).map((r) => r.id)).toContain(req.id);
    expect((await inbox(ro2)).map((r) => r.id)).not.toContain(req.id);
    expect((await inbox(ro2)).map((r) => r.id)).toContain(fresh.id);
    expect(await failure(readRequest(ctx, ro2, req.id, meta))).toMatchObject({ status: 404 });
    expect(await failure(givePurpose(ctx, ro2, req.id, { reason: "covering", note: "" }, meta))).toMatchObject({
      status: 404,
    });
    // The same on Chile's side, where the sender handles it.
    expect((await outbox(cl2)).map((r) => r.id)).not.toContain(req.id);
    expect(await failure(readRequest(ctx, cl2, req.id, meta))).toMatchObject({ status: 404 });
    const counts = (await listRequests(ctx, ro2, { box: "inbox", limit: 200, offset: 0, overdue: false })).counts;
    expect(counts.inbox).toBe((await inbox(ro2)).length);
  });

  it("shows its line to the Parties' admins, who open it after a purpose and may assign someone", async () => {
    expect((await inbox(roAdmin)).find((r) => r.id === req.id)?.sensitive).toBe(true);
    expect(await failure(readRequest(ctx, roAdmin, req.id, meta))).toMatchObject({ code: "purpose_required" });
    await givePurpose(ctx, roAdmin, req.id, { reason: "data_protection_review", note: "" }, meta);
    await assignHandler(ctx, roAdmin, req.id, { userId: ro2.id }, meta);
    expect((await readRequest(ctx, ro2, req.id, meta)).number).toBe(req.number);
    expect((await inbox(ro2)).map((r) => r.id)).toContain(req.id);
    await unassignHandler(ctx, roAdmin, req.id, ro2.id, meta);
    expect(await failure(readRequest(ctx, ro2, req.id, meta))).toMatchObject({ status: 404 });
    expect((await readRequest(ctx, roToken, req.id, meta)).number).toBe(req.number);
  });

  it("is hidden by the database itself from an officer who does not handle it, timeline, messages and files included", async () => {
    const tables = ["request_events", "request_messages", "request_attachments", "request_assignments"];
    const one = sql`select id from requests where id = ${req.id}`;
    const all = sql`select id from requests`;
    // The system sees the rows, so these checks cannot pass because the rows are missing.
    expect(await rowsAs(SYSTEM_ACTOR, one)).toHaveLength(1);
    for (const t of tables) {
      expect(
        await rowsAs(SYSTEM_ACTOR, sql`select 1 from ${sql.raw(t)} where request_id = ${req.id}`),
        t,
      ).not.toHaveLength(0);
    }
    for (const outsider of [ro2, cl2]) {
      expect(await rowsAs(actorOf(outsider), one)).toEqual([]);
      expect((await rowsAs<{ id: string }>(actorOf(outsider), all)).map((r) => r.id)).not.toContain(req.id);
      for (const t of tables) {
        expect(
          await rowsAs(actorOf(outsider), sql`select * from ${sql.raw(t)} where request_id = ${req.id}`),
          t,
        ).toEqual([]);
      }
      expect(
        await rowsAs(actorOf(outsider), sql`update requests set state = 'closed' where id = ${req.id} returning id`),
      ).toEqual([]);
    }
    // Its handlers, the two Parties' admins and Romania's national system still see it.
    for (const insider of [actorOf(ro), actorOf(cl), actorOf(roAdmin), actorOf(clAdmin), actorOf(roToken)]) {
      expect(await rowsAs(insider, one)).toHaveLength(1);
      expect(await rowsAs(insider, sql`select id from request_messages where request_id = ${req.id}`)).toHaveLength(1);
    }
    // Sent and not yet taken: every officer of Romania sees it (and of Chile, only its sender).
    expect(await rowsAs(actorOf(ro2), sql`select id from requests where id = ${fresh.id}`)).toHaveLength(1);
    expect(await rowsAs(actorOf(cl2), sql`select id from requests where id = ${fresh.id}`)).toEqual([]);
  });

  it("tells of its steps only its handlers and the Parties' admins, once a side has handlers", async () => {
    const req = await send(true, "CL-SENSITIVE-NOTIFY");
    // Sent, not yet taken: the whole duty team of Romania hears of it.
    expect(await told(ro2, req.number)).toBeGreaterThan(0);
    const before = { ro2: await told(ro2, req.number), cl2: await told(cl2, req.number) };
    await transition(ctx, ro, req.id, { to: "acknowledged", note: "" }, meta);
    await addMessage(ctx, ro, req.id, { body: "Preserved." }, meta);
    await addMessage(ctx, cl, req.id, { body: "Thank you." }, meta);
    // Chile's other officer and Romania's second officer hear nothing more; handlers and admins do.
    expect(await told(cl2, req.number)).toBe(before.cl2);
    expect(await told(ro2, req.number)).toBe(before.ro2);
    expect(await told(cl, req.number)).toBeGreaterThanOrEqual(2);
    expect(await told(clAdmin, req.number)).toBeGreaterThanOrEqual(2);
    expect(await told(ro, req.number)).toBeGreaterThanOrEqual(1);
    expect(await told(roAdmin, req.number)).toBeGreaterThanOrEqual(2);
    // A request that is not sensitive still tells every officer of the other Party.
    const plain = await send(false, "CL-PLAIN-NOTIFY");
    await transition(ctx, ro, plain.id, { to: "acknowledged", note: "" }, meta);
    expect(await told(cl2, plain.number)).toBeGreaterThanOrEqual(1);
  });
});
