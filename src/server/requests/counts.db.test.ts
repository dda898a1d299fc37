import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser } from "../../../test/harness/factories";
import { caseConditions, sendPreservation } from "../../../test/harness/requests";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { createDraft, deleteDraft, listRequests } from "./requests";
import { transition } from "./steps";

/**
 * The list counts kept in request_counts (migration 0032) against the requests themselves: after
 * every kind of change they equal a live count, and a viewer's counts equal what the lists show
 * them (sensitive requests, counted live, included only for those who may see them).
 */
const meta = { ip: null, userAgent: null };
const HOUR = 3_600_000;
let ctx: AppContext;
let clock: ManualClock;
let cl: UserRow;
let ro: UserRow;
let ro2: UserRow;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  const user = async (email: string, party: string) => (await makeUser(ctx, { email, role: "officer", party })).user;
  cl = await user("counts.cl@example.org", "CL");
  ro = await user("counts.ro@example.org", "RO");
  ro2 = await user("counts.ro2@example.org", "RO");
});
afterAll(async () => {
  await ctx.db.close();
});

/**
 * The kept counts and a live count of the non-sensitive requests, both as (party, side, state) →
 * "n/due" (how many, and how many of them with a deadline: open, not purged).
 */
async function keptAndLive(): Promise<{ kept: Record<string, string>; live: Record<string, string> }> {
  const asMap = (rows: { k: string; n: number | string; u: number | string }[]) =>
    Object.fromEntries(
      rows.filter((r) => Number(r.n) !== 0 || Number(r.u) !== 0).map((r) => [r.k, `${Number(r.n)}/${Number(r.u)}`]),
    );
  return ctx.db.ownerTx(async (tx) => ({
    kept: asMap(
      await queryRows(tx, sql`select party_id || ' ' || side || ' ' || state as k, n, due as u from request_counts`),
    ),
    live: asMap(
      await queryRows(
        tx,
        sql`select k, count(*) as n, count(*) filter (where due_at is not null) as u from (
              select sender_party_id || ' sent ' || state as k, due_at from requests where not sensitive
              union all
              select requested_party_id || ' received ' || state, due_at from requests
               where not sensitive and requested_party_id is not null and state <> 'draft') x group by k`,
      ),
    ),
  }));
}

async function expectKeptCountsHold(): Promise<void> {
  const { kept, live } = await keptAndLive();
  expect(kept).toEqual(live);
}

/** What the viewer's lists show, counted, against the counts the listing answers. */
async function expectCountsAsListed(user: UserRow): Promise<void> {
  const list = (box: "inbox" | "outbox" | "drafts", extra: { state?: "sent" } = {}) =>
    listRequests(ctx, user, { box, limit: 200, offset: 0, overdue: false, ...extra });
  const [inbox, outbox, drafts, inboxSent] = await Promise.all([
    list("inbox"),
    list("outbox"),
    list("drafts"),
    list("inbox", { state: "sent" }),
  ]);
  expect(inbox.counts).toMatchObject({
    inbox: inbox.items.length,
    outbox: outbox.items.length,
    drafts: drafts.items.length,
  });
  expect([inbox.total, outbox.total, drafts.total]).toEqual([
    inbox.items.length,
    outbox.items.length,
    drafts.items.length,
  ]);
  expect(inboxSent.total).toBe(inbox.items.filter((r) => r.state === "sent").length);
  const overdue = [...inbox.items, ...outbox.items].filter((r) => r.overdue).length;
  expect(inbox.counts.overdue).toBe(overdue);
}

const send = (sensitive: boolean, reference: string) =>
  sendPreservation(ctx, cl, "RO", caseConditions(reference, sensitive));

describe("the kept list counts", () => {
  it("hold through drafts, sending, steps, deletion and a change of sensitivity", async () => {
    await expectKeptCountsHold();
    const draft = await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta);
    await expectKeptCountsHold();
    const plain = await send(false, "COUNT-1");
    const secret = await send(true, "COUNT-2");
    await expectKeptCountsHold();
    await transition(ctx, ro, plain, { to: "acknowledged", note: "" }, meta);
    await transition(ctx, ro, plain, { to: "in_progress", note: "" }, meta);
    await transition(ctx, ro, secret, { to: "acknowledged", note: "" }, meta);
    await expectKeptCountsHold();
    await deleteDraft(ctx, cl, draft.id, meta);
    await expectKeptCountsHold();
    // Sensitivity changed in place (the trigger moves the request out of the kept counts and back).
    const flag = (id: string, on: boolean) =>
      ctx.db.ownerTx((tx) =>
        tx.execute(sql`update requests set handling_conditions = handling_conditions || jsonb_build_object('sensitive', ${on}::boolean)
                       where id = ${id}::uuid`),
      );
    await flag(plain, true);
    await expectKeptCountsHold();
    await flag(plain, false);
    await expectKeptCountsHold();
    // A change that commits nothing moves nothing.
    await expect(
      ctx.db.ownerTx(async (tx) => {
        await tx.execute(sql`update requests set state = 'closed' where id = ${plain}::uuid`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await expectKeptCountsHold();
    // Recounted from scratch (after a load with the triggers off), they are the same.
    const before = await keptAndLive();
    await ctx.db.ownerTx((tx) => tx.execute(sql`select vigil_recount_requests()`));
    expect((await keptAndLive()).kept).toEqual(before.kept);
  });

  it("answer each viewer what its lists show: sensitive requests only to those who see them", async () => {
    await send(true, "COUNT-3");
    const plain = await send(false, "COUNT-4");
    const purgedOpen = await send(false, "COUNT-5");
    const purgedSecret = await send(true, "COUNT-6");
    for (const user of [cl, ro, ro2]) await expectCountsAsListed(user);
    // Purged while open (retention after inactivity): no longer overdue, still counted in its box.
    const purge = (id: string) =>
      ctx.db.ownerTx((tx) => tx.execute(sql`update requests set purged_at = now() where id = ${id}::uuid`));
    await purge(purgedOpen);
    await purge(purgedSecret);
    await expectKeptCountsHold();
    // The acknowledgement deadline passes (overdue while still unacknowledged), then the answer's.
    clock.advance(2 * HOUR);
    for (const user of [cl, ro, ro2]) await expectCountsAsListed(user);
    await transition(ctx, ro, plain, { to: "acknowledged", note: "" }, meta);
    for (const user of [cl, ro, ro2]) await expectCountsAsListed(user);
    clock.advance(30 * 24 * HOUR);
    for (const user of [cl, ro, ro2]) await expectCountsAsListed(user);
    const overdue = (await listRequests(ctx, cl, { box: "inbox", limit: 200, offset: 0, overdue: false })).counts
      .overdue;
    expect(overdue).toBeGreaterThan(0);
    const seen = async (u: UserRow) =>
      (await listRequests(ctx, u, { box: "inbox", limit: 200, offset: 0, overdue: false })).counts.inbox;
    // Romania's handler of the acknowledged sensitive request sees it; the other officer does not.
    expect(await seen(ro)).toBeGreaterThan(await seen(ro2));
  });
});
