import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser } from "../../../test/harness/factories";
import { caseConditions, sendPreservation } from "../../../test/harness/requests";
import { createApiToken, resolveApiToken, revokeApiToken } from "../api-tokens/api-tokens";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { isTokenRefused, SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { listingCacheOf } from "./listing-cache";
import { createDraft, deleteDraft, listRequests } from "./requests";

/**
 * Listings kept in memory (listing-cache.ts) are given again only while nothing they show has
 * changed. The changes here are made behind this instance's back, by SQL on the database as
 * another instance's transaction would commit them, so that only the database's versions can
 * tell this instance that its listing is stale.
 */
const meta = { ip: null, userAgent: null };
const inbox = { box: "inbox", limit: 50, offset: 0, overdue: false } as const;
let ctx: AppContext;
let clock: ManualClock;
let cl: UserRow;
let ro: UserRow;
let ro2: UserRow;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-23T02:10:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  const user = async (email: string, party: string) => (await makeUser(ctx, { email, role: "officer", party })).user;
  cl = await user("kept.cl@example.org", "CL");
  ro = await user("kept.ro@example.org", "RO");
  ro2 = await user("kept.ro2@example.org", "RO");
});
afterAll(async () => {
  await ctx.db.close();
});

const send = (reference: string, sensitive = false) =>
  sendPreservation(ctx, cl, "RO", caseConditions(reference, sensitive));

const elsewhere = (q: ReturnType<typeof sql>) => ctx.db.ownerTx((tx) => tx.execute(q));
const references = async (u: UserRow) => (await listRequests(ctx, u, inbox)).items.map((r) => r.reference);

describe("kept listings", () => {
  it("are given again as they are while the box has not changed", async () => {
    await send("KEPT-1");
    const cache = listingCacheOf(ctx.db);
    const first = await listRequests(ctx, ro, inbox);
    const answered = cache.counts.answered;
    const again = await listRequests(ctx, ro, inbox);
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
    expect(cache.counts.answered).toBe(answered + 1);
    // Another viewer, another query: their own listings, not this one.
    expect(await listRequests(ctx, ro2, inbox)).not.toBe(first);
    expect(await listRequests(ctx, ro, { ...inbox, limit: 49 })).not.toBe(first);
    expect(await listRequests(ctx, cl, { ...inbox, box: "outbox" })).not.toBe(first);
  });

  it("are read again after any change to the box's requests, whoever committed it", async () => {
    const id = await send("KEPT-2");
    expect(await references(ro)).toContain("KEPT-2");
    const stale = listingCacheOf(ctx.db).counts.stale;
    await elsewhere(sql`update requests set reference = 'KEPT-2b' where id = ${id}::uuid`);
    expect(await references(ro)).toContain("KEPT-2b");
    expect(listingCacheOf(ctx.db).counts.stale).toBe(stale + 1);
    // The sender's side moved too.
    const sent = async () => (await listRequests(ctx, cl, { ...inbox, box: "outbox" })).items.map((r) => r.reference);
    expect(await sent()).toContain("KEPT-2b");
    await elsewhere(sql`update requests set reference = 'KEPT-2c' where id = ${id}::uuid`);
    expect(await sent()).toContain("KEPT-2c");
    // A change rolled back moves nothing, and shows nothing.
    const before = await listRequests(ctx, ro, inbox);
    await expect(
      ctx.db.ownerTx(async (tx) => {
        await tx.execute(sql`update requests set reference = 'never' where id = ${id}::uuid`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await listRequests(ctx, ro, inbox)).toBe(before);
  });

  it("follow drafts created and deleted, here or elsewhere", async () => {
    const drafts = { ...inbox, box: "drafts" } as const;
    const n = (await listRequests(ctx, cl, drafts)).total;
    const draft = await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta);
    expect((await listRequests(ctx, cl, drafts)).total).toBe(n + 1);
    await deleteDraft(ctx, cl, draft.id, meta);
    expect((await listRequests(ctx, cl, drafts)).total).toBe(n);
    const other = await createDraft(ctx, cl, { type: "preservation", requestedParty: "RO", content: {} }, meta);
    expect((await listRequests(ctx, cl, drafts)).total).toBe(n + 1);
    await elsewhere(sql`delete from requests where id = ${other.id}::uuid`);
    expect((await listRequests(ctx, cl, drafts)).total).toBe(n);
  });

  it("follow assignments, which decide who sees a sensitive request", async () => {
    const id = await send("KEPT-4", true);
    // Not yet handled by anyone of Romania: all its officers see it.
    expect(await references(ro2)).toContain("KEPT-4");
    await elsewhere(sql`insert into request_assignments (request_id, user_id, party_id, assigned_at)
                        values (${id}::uuid, ${ro.id}::uuid, ${ro.partyId}::uuid, now())`);
    expect(await references(ro2)).not.toContain("KEPT-4");
    expect(await references(ro)).toContain("KEPT-4");
    await elsewhere(sql`update request_assignments set removed_at = now() where request_id = ${id}::uuid`);
    expect(await references(ro2)).toContain("KEPT-4");
  });

  it("follow the Parties' names", async () => {
    await send("KEPT-5");
    const name = async () => (await listRequests(ctx, ro, inbox)).items.find((r) => r.reference === "KEPT-5")?.from;
    expect((await name())?.nameEn).toBe("Chile");
    await elsewhere(sql`update parties set name_en = 'Chile (renamed)' where iso2 = 'CL'`);
    expect((await name())?.nameEn).toBe("Chile (renamed)");
    await elsewhere(sql`update parties set name_en = 'Chile' where iso2 = 'CL'`);
  });

  it("are not given once a deadline they show has passed, with no write", async () => {
    const id = await send("KEPT-6");
    const listed = () => listRequests(ctx, ro, inbox);
    const deadline = Date.parse((await listed()).items.find((r) => r.id === id)?.ackDueAt ?? "");
    expect(Number.isFinite(deadline)).toBe(true);
    clock.set(new Date(deadline - 40_000));
    const before = await listed();
    expect(before.items.find((r) => r.id === id)?.overdue).toBe(false);
    clock.set(new Date(deadline - 10_000));
    expect(await listed()).toBe(before);
    // Past it: the request is overdue, and counted so.
    clock.set(new Date(deadline + 1_000));
    const after = await listed();
    expect(after.items.find((r) => r.id === id)?.overdue).toBe(true);
    expect(after.counts.overdue).toBeGreaterThan(before.counts.overdue);
  });

  it("are refused to an API token revoked since, whose check comes with the version's", async () => {
    const admin = (await makeUser(ctx, { email: "kept.admin.ro@example.org", role: "party_admin", party: "RO" })).user;
    const created = await createApiToken(
      ctx,
      admin,
      { name: "Romania case system (kept)", scopes: ["requests:read"], expiresAt: null },
      meta,
    );
    const check = await ctx.db.tx((tx) => resolveApiToken(tx, created.token, clock.now(), meta), SYSTEM_ACTOR);
    if (!check.ok) throw check.error;
    const first = await listRequests(ctx, check.principal, inbox);
    expect(await listRequests(ctx, check.principal, inbox)).toBe(first);
    await revokeApiToken(ctx, admin, check.principal.id, meta);
    const refused = await listRequests(ctx, check.principal, inbox).catch((err: unknown) => err);
    expect(isTokenRefused(refused)).toBe(true);
  });

  it("are kept a minute at most", async () => {
    const first = await listRequests(ctx, ro, inbox);
    clock.advance(59_000);
    expect(await listRequests(ctx, ro, inbox)).toBe(first);
    clock.advance(2_000);
    expect(await listRequests(ctx, ro, inbox)).not.toBe(first);
  });
});
