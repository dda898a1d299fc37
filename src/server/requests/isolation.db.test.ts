import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser } from "../../../test/harness/factories";
import { RequestContent, type RequestContentInput } from "../../shared/requests";
import { createApiToken } from "../api-tokens/api-tokens";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { type Actor, queryRows, SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { requireParty } from "../directory/entries";
import { actorOf } from "../http/guard";
import { webhooks } from "../webhooks/tables";
import { addAttachment } from "./attachments";
import { rotateCalendarFeed } from "./calendar";
import { requestOverview } from "./overview";
import { createDraft, sendRequest } from "./requests";
import { addMessage, transition } from "./steps";
import { requests } from "./tables";

/**
 * Party isolation in the database (issue 6): the application's own filter (requests/access.ts) is
 * left out on purpose, and raw queries run as one Party's actor; row-level security must still
 * hide every other Party's rows. Each check also runs as the system actor, which sees the rows,
 * so a check cannot pass merely because the rows are missing.
 */

const meta = { ip: null, userAgent: null };
let ctx: AppContext;
let clock: ManualClock;
let cl: UserRow; // Party A: Chile, the sender
let clAdmin: UserRow;
let ro: UserRow; // Party B: Romania, the requested Party
let fr: UserRow; // Party C: France, no part in it
let frAdmin: UserRow;
let secretariat: UserRow;
let sentId: string;
let draftId: string;
let roWebhookId: string;
const REQUEST_TABLES = ["request_events", "request_messages", "request_attachments"] as const;

const content = (): RequestContent =>
  RequestContent.parse({
    type: "preservation",
    requestedParty: "RO",
    language: "en",
    reference: "CL-ISOLATION-2026-1",
    requestingAuthority: {
      organisation: "Fiscalía de Chile (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street, Santiago",
      phone: "+99 2 555 0100",
      email: "iso.cl@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "America/Santiago",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "iso.cl@example.org" },
    handlingConditions: { purpose: "Investigation CL-ISOLATION-2026-1", useLimits: "This case only" },
    identifiers: [{ kind: "ip", value: "192.0.2.44", observedAt: "2026-11-20T23:14", timeZone: "America/Santiago" }],
    details: {
      offence: "Unauthorised access",
      facts: "A fictional intrusion into a fictional ministry.",
      dataToPreserve: "Connection logs for the address at that time",
      relationToOffence: "The address was used for the intrusion",
      custodian: "Example Hosting SRL (fictional), Bucharest",
      necessity: "Logs are deleted after 30 days",
      mlaToFollow: true,
    },
  } satisfies RequestContentInput);

/** A raw query in one transaction as `actor`: no application filter at all. */
const rowsAs = <T = Record<string, unknown>>(actor: Actor, query: SQL) =>
  ctx.db.tx((tx) => queryRows<T>(tx, query), actor);

/** The database refused the write for `reason` (PostgreSQL's message, under the driver's "Failed query"). */
async function refused(write: Promise<unknown>, reason = /new row violates row-level security policy/): Promise<void> {
  const err = await write.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, "the database should refuse this write").not.toBeNull();
  expect(err?.cause?.message ?? err?.message).toMatch(reason);
}

const ids = (rows: { id?: unknown; request_id?: unknown }[]) => rows.map((r) => String(r.request_id ?? r.id));

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  cl = (await makeUser(ctx, { email: "iso.cl@example.org", role: "officer", party: "CL" })).user;
  clAdmin = (await makeUser(ctx, { email: "iso.admin.cl@example.org", role: "party_admin", party: "CL" })).user;
  ro = (await makeUser(ctx, { email: "iso.ro@example.org", role: "officer", party: "RO" })).user;
  fr = (await makeUser(ctx, { email: "iso.fr@example.org", role: "officer", party: "FR" })).user;
  frAdmin = (await makeUser(ctx, { email: "iso.admin.fr@example.org", role: "party_admin", party: "FR" })).user;
  secretariat = (await makeUser(ctx, { email: "iso.sec@example.org", role: "secretariat", party: null })).user;

  // Romania's national system listens for requests it receives.
  roWebhookId = await ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, "RO");
    const [hook] = await tx
      .insert(webhooks)
      .values({
        partyId: party.id,
        url: "https://cases.ro.example.org/vigil",
        events: ["request.received"],
        secret: "whsec_test-only",
        createdAt: clock.now(),
      })
      .returning({ id: webhooks.id });
    return hook?.id as string;
  }, SYSTEM_ACTOR);

  // Chile sends a request to Romania, attaches a file; Romania acknowledges 30 minutes later and
  // writes a message; Chile keeps a second request as a draft.
  const { id } = await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta);
  sentId = (await sendRequest(ctx, cl, id, content(), meta)).id;
  await addAttachment(ctx, cl, sentId, { filename: "logs.txt", body: Buffer.from("fictional logs\n") }, meta);
  clock.advance(30 * 60_000);
  await transition(ctx, ro, sentId, { to: "acknowledged", note: "" }, meta);
  await addMessage(ctx, ro, sentId, { body: "Preserved tonight." }, meta);
  draftId = (await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta)).id;
  await rotateCalendarFeed(ctx, cl, meta);
  await createApiToken(ctx, clAdmin, { name: "Chile case system", scopes: ["requests:read"], expiresAt: null }, meta);
});
afterAll(async () => {
  await ctx.db.close();
});

describe("row-level security without the application's filter", () => {
  it("shows a third Party nothing of a request between two others, nor its timeline, messages or files", async () => {
    const mine = [sentId, draftId];
    const asSystem = ids(await rowsAs(SYSTEM_ACTOR, sql`select id from requests`));
    expect(asSystem).toEqual(expect.arrayContaining(mine));
    expect(await rowsAs(actorOf(fr), sql`select * from requests`)).toEqual([]);
    // The query builder without its WHERE, as a forgetful use case would write it.
    expect(await ctx.db.tx((tx) => tx.select().from(requests), actorOf(fr))).toEqual([]);
    for (const table of REQUEST_TABLES) {
      const t = sql.raw(table);
      expect(ids(await rowsAs(SYSTEM_ACTOR, sql`select request_id from ${t}`))).toContain(sentId);
      expect(await rowsAs(actorOf(fr), sql`select * from ${t}`), table).toEqual([]);
    }
  });

  it("lets a third Party change, delete or add nothing", async () => {
    const fra = actorOf(fr);
    const frParty = fr.partyId as string;
    expect(await rowsAs(fra, sql`update requests set state = 'closed' where id = ${sentId} returning id`)).toEqual([]);
    expect(await rowsAs(fra, sql`update requests set content = '{}' returning id`)).toEqual([]);
    expect(await rowsAs(fra, sql`delete from requests where id = ${draftId} returning id`)).toEqual([]);
    expect(await rowsAs(fra, sql`delete from request_attachments returning id`)).toEqual([]);
    await refused(
      rowsAs(
        fra,
        sql`insert into requests (type, sender_party_id, requested_party_id, created_at, updated_at)
            values ('preservation', ${cl.partyId}, ${ro.partyId}, now(), now())`,
      ),
    );
    await refused(
      rowsAs(
        fra,
        sql`insert into request_messages (request_id, at, party_id, body) values (${sentId}, now(), ${frParty}, 'x')`,
      ),
    );
    await refused(
      rowsAs(
        fra,
        sql`insert into request_events (request_id, at, kind, actor_party_id) values (${sentId}, now(), 'message', ${frParty})`,
      ),
    );
    const [after] = await rowsAs<{ state: string; n: number }>(
      SYSTEM_ACTOR,
      sql`select state, (select count(*)::int from requests where id = ${draftId}) as n from requests where id = ${sentId}`,
    );
    expect(after).toEqual({ state: "acknowledged", n: 1 });
  });

  it("shows each of the two Parties its side: the sender its drafts too, the requested Party only what was sent", async () => {
    expect(ids(await rowsAs(actorOf(cl), sql`select id from requests`)).sort()).toEqual([sentId, draftId].sort());
    expect(ids(await rowsAs(actorOf(ro), sql`select id from requests`))).toEqual([sentId]);
    for (const table of REQUEST_TABLES) {
      const t = sql.raw(table);
      expect(ids(await rowsAs(actorOf(ro), sql`select request_id from ${t}`)), table).toContain(sentId);
      expect(ids(await rowsAs(actorOf(ro), sql`select request_id from ${t}`)), table).not.toContain(draftId);
    }
    // Romania may not write in Chile's name, nor delete Chile's draft.
    await refused(
      rowsAs(
        actorOf(ro),
        sql`insert into request_messages (request_id, at, party_id, body) values (${sentId}, now(), ${cl.partyId}, 'x')`,
      ),
    );
    expect(await rowsAs(actorOf(ro), sql`delete from requests where id = ${draftId} returning id`)).toEqual([]);
    // Neither side may hand the request to another Party.
    await refused(
      rowsAs(actorOf(ro), sql`update requests set sender_party_id = ${ro.partyId} where id = ${sentId}`),
      /a request keeps its Parties/,
    );
    await refused(
      rowsAs(actorOf(cl), sql`update requests set requested_party_id = ${fr.partyId} where id = ${sentId}`),
      /a request keeps its Parties/,
    );
    const [parties] = await rowsAs(
      SYSTEM_ACTOR,
      sql`select sender_party_id, requested_party_id from requests where id = ${sentId}`,
    );
    expect(parties).toEqual({ sender_party_id: cl.partyId, requested_party_id: ro.partyId });
  });

  it("shows the Secretariat no request, while its overview still counts and times them", async () => {
    const sec = actorOf(secretariat);
    expect(await rowsAs(sec, sql`select * from requests`)).toEqual([]);
    for (const table of REQUEST_TABLES) expect(await rowsAs(sec, sql`select * from ${sql.raw(table)}`)).toEqual([]);
    const overview = await requestOverview(ctx, secretariat, {});
    const chile = overview.parties.find((p) => p.party.iso2 === "CL");
    const romania = overview.parties.find((p) => p.party.iso2 === "RO");
    expect(chile).toMatchObject({ sent: 1, received: 0 });
    expect(romania).toMatchObject({ sent: 0, received: 1, open: 1, medianMinutesToAcknowledge: 30 });
    expect(overview.byType).toEqual([{ type: "preservation", count: 1 }]);
    expect(overview.totals.sent).toBe(1);
    // A third Party reads the same Network totals and types, though it sees none of the requests;
    // of the per-Party rows it sees only its own (France has none here), as issue 9 asks.
    const asFrance = await requestOverview(ctx, fr, {});
    expect(asFrance.totals).toEqual(overview.totals);
    expect(asFrance.byType).toEqual(overview.byType);
    expect(asFrance.parties).toEqual([]);
    // Romania, which received the request, sees its own row and no other.
    expect((await requestOverview(ctx, ro, {})).parties).toEqual([romania]);
  });
});

describe("row-level security on per-user and per-Party tables", () => {
  it("keeps notifications and calendar feeds to their user", async () => {
    const roNotes = await rowsAs<{ user_id: string }>(actorOf(ro), sql`select user_id from notifications`);
    expect(roNotes.length).toBeGreaterThan(0);
    expect(new Set(roNotes.map((n) => n.user_id))).toEqual(new Set([ro.id]));
    expect(await rowsAs(actorOf(cl), sql`select * from notifications where user_id = ${ro.id}`)).toEqual([]);
    await rowsAs(actorOf(cl), sql`update notifications set read_at = now()`);
    const roUnread = sql`select id from notifications where user_id = ${ro.id} and read_at is null`;
    expect(await rowsAs(SYSTEM_ACTOR, roUnread)).toHaveLength(roNotes.length);
    expect(await rowsAs(SYSTEM_ACTOR, sql`select user_id from calendar_feeds`)).toEqual([{ user_id: cl.id }]);
    expect(await rowsAs(actorOf(cl), sql`select user_id from calendar_feeds`)).toEqual([{ user_id: cl.id }]);
    expect(await rowsAs(actorOf(clAdmin), sql`select user_id from calendar_feeds`)).toEqual([]);
    await refused(
      rowsAs(
        actorOf(fr),
        sql`insert into notification_preferences (user_id, kind, in_app, email, updated_at)
            values (${cl.id}, 'request.message', false, false, now())`,
      ),
    );
  });

  it("keeps API tokens and webhooks to their Party, while a change still reaches the other Party's webhook", async () => {
    const clTokens = await rowsAs(SYSTEM_ACTOR, sql`select id from api_tokens where party_id = ${cl.partyId}`);
    expect(clTokens).toHaveLength(1);
    expect(await rowsAs(actorOf(clAdmin), sql`select id from api_tokens`)).toEqual(clTokens);
    expect(await rowsAs(actorOf(frAdmin), sql`select id from api_tokens`)).toEqual([]);
    expect(await rowsAs(actorOf(frAdmin), sql`update api_tokens set revoked_at = now() returning id`)).toEqual([]);
    expect(await rowsAs(actorOf(cl), sql`select id from webhooks`)).toEqual([]);
    expect(await rowsAs(actorOf(ro), sql`select id from webhooks`)).toEqual([{ id: roWebhookId }]);
    // Chile's sending queued the delivery to Romania's webhook without reading it.
    const deliveries = await rowsAs<{ payload: { event: string; data: { id: string } } }>(
      SYSTEM_ACTOR,
      sql`select payload from outbox where webhook_id = ${roWebhookId}`,
    );
    expect(deliveries.map((d) => [d.payload.event, d.payload.data.id])).toEqual([["request.received", sentId]]);
  });
});
