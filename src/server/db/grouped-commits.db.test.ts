import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import { auditRow, verifyAuditChain } from "../audit/log";
import { auditLog } from "../audit/tables";
import { isDirectoryChanged, requireDirectoryGeneration } from "../directory/search-cache";
import { type Actor, type Database, isTokenRefused, queryRows } from "./database";
import { commitGrouped, groupsOf } from "./grouped-commits";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const actions = async (prefix: string) =>
  (
    await db.ownerTx((tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(sql`${auditLog.action} like ${`${prefix}%`}`)
        .orderBy(auditLog.id),
    )
  ).map((r) => r.action);

const record = (action: string, partyId: string | null = null) =>
  auditRow(new Date(), { userId: null, label: "grouped commits test", partyId }, { action });

const generation = async () => {
  const [row] = await db.ownerTx((tx) =>
    queryRows<{ n: string }>(tx, sql`select n from directory_generation where id = 1`),
  );
  return Number(row?.n);
};

const actor = (partyId: string): Actor => ({ userId: null, partyId, role: "officer" });
const settle = (p: Promise<void>) =>
  p.then(
    () => "committed" as const,
    (err: unknown) => err,
  );

describe("grouped commits", () => {
  it("commit checks alone, with no record: the audit chain does not move", async () => {
    const head = async () =>
      (await db.ownerTx((tx) => queryRows<{ n: string }>(tx, sql`select count(*) as n from audit_log`)))[0]?.n;
    const before = await head();
    const n = await generation();
    const parties = Array.from({ length: 5 }, () => crypto.randomUUID());
    const results = await Promise.all(
      parties.map((party, i) =>
        settle(
          commitGrouped(db, { checks: [requireDirectoryGeneration(i === 4 ? n + 1 : n)], records: [] }, actor(party)),
        ),
      ),
    );
    expect(results.slice(0, 4)).toEqual(["committed", "committed", "committed", "committed"]);
    expect(isDirectoryChanged(results[4])).toBe(true);
    expect(await head()).toBe(before);
  });

  it("commit the callers of the same moment in one transaction, their records in order, a check asked by all once", async () => {
    const counts = { ...groupsOf(db).counts };
    const n = await generation();
    const parties = Array.from({ length: 10 }, () => crypto.randomUUID());
    await Promise.all(
      parties.map((party, i) =>
        commitGrouped(
          db,
          {
            checks: [requireDirectoryGeneration(n)],
            // A member's several records stay together, in its order.
            records: [record(`grouped.same.${i}.a`, party), record(`grouped.same.${i}.b`, party)],
          },
          actor(party),
        ),
      ),
    );
    const rows = await db.ownerTx((tx) =>
      tx
        .select({ action: auditLog.action, party: auditLog.actorPartyId })
        .from(auditLog)
        .where(sql`${auditLog.action} like 'grouped.same.%'`)
        .orderBy(auditLog.id),
    );
    expect(rows).toEqual(
      parties.flatMap((party, i) => [
        { action: `grouped.same.${i}.a`, party },
        { action: `grouped.same.${i}.b`, party },
      ]),
    );
    expect(groupsOf(db).counts.groups).toBe(counts.groups + 1);
    expect(groupsOf(db).counts.grouped).toBe(counts.grouped + 10);
    expect(groupsOf(db).counts.failed).toBe(counts.failed);
    expect(groupsOf(db).counts.checks).toBe(counts.checks + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("queue the callers that come while a group commits, and send them together next", async () => {
    const counts = { ...groupsOf(db).counts };
    const first = commitGrouped(db, { records: [record("grouped.next.0")] }, actor(crypto.randomUUID()));
    // The first has left (alone) once this turn ends; the next ones wait for it, then go together.
    await new Promise((resolve) => setImmediate(resolve));
    const next = Array.from({ length: 5 }, (_, i) =>
      commitGrouped(db, { records: [record(`grouped.next.${i + 1}`)] }, actor(crypto.randomUUID())),
    );
    await Promise.all([first, ...next]);
    expect(await actions("grouped.next.")).toEqual([0, 1, 2, 3, 4, 5].map((i) => `grouped.next.${i}`));
    expect(groupsOf(db).counts.alone).toBe(counts.alone + 1);
    expect(groupsOf(db).counts.groups).toBe(counts.groups + 1);
    expect(groupsOf(db).counts.grouped).toBe(counts.grouped + 5);
  });

  it("fail only the member that fails (a refused token, a changed directory); the others commit", async () => {
    const counts = { ...groupsOf(db).counts };
    const party = crypto.randomUUID();
    const n = await generation();
    const results = await Promise.all([
      settle(commitGrouped(db, { records: [record("grouped.fail.0")] }, actor(party))),
      settle(
        commitGrouped(
          db,
          { records: [record("grouped.fail.1")] },
          { ...actor(party), apiTokenId: crypto.randomUUID() },
        ),
      ),
      settle(
        commitGrouped(
          db,
          { checks: [requireDirectoryGeneration(-1)], records: [record("grouped.fail.2")] },
          actor(party),
        ),
      ),
      settle(
        commitGrouped(
          db,
          { checks: [requireDirectoryGeneration(n)], records: [record("grouped.fail.3")] },
          actor(party),
        ),
      ),
    ]);
    expect(results[0]).toBe("committed");
    expect(isTokenRefused(results[1])).toBe(true);
    expect(isDirectoryChanged(results[2])).toBe(true);
    expect(results[3]).toBe("committed");
    expect(await actions("grouped.fail.")).toEqual(["grouped.fail.0", "grouped.fail.3"]);
    expect(groupsOf(db).counts.failed).toBe(counts.failed + 1);
    expect(groupsOf(db).counts.alone).toBe(counts.alone + 4);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
