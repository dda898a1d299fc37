import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import { appendAudit } from "../audit/log";
import { auditLog } from "../audit/tables";
import { atCommit, type Database, endWith, isTokenRefused } from "./database";
import { type Params, shaped } from "./statement-shapes";

/**
 * A transaction whose function reads nothing (it only queues statements for its COMMIT) is sent
 * whole without waiting for its BEGIN's answer: a BEGIN that fails must still stop everything.
 */
let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const records = () => db.ownerTx((tx) => tx.$count(auditLog));
const who = { userId: null, label: "transactions test", partyId: null };

describe("transactions that only queue statements for their COMMIT", () => {
  it("commit what they queued, in the order queued", async () => {
    const before = await records();
    await db.tx(async (tx) => {
      await appendAudit(tx, new Date(), who, { action: "test.first" });
      await appendAudit(tx, new Date(), who, { action: "test.second" });
    });
    const rows = await db.ownerTx((tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(2),
    );
    expect(await records()).toBe(before + 2);
    expect(rows.map((r) => r.action)).toEqual(["test.second", "test.first"]);
  });

  it("commit nothing when their BEGIN fails (a refused API token), and report that failure", async () => {
    const before = await records();
    const refused = await db
      .tx(
        async (tx) => {
          await appendAudit(tx, new Date(), who, { action: "test.refused" });
        },
        { userId: null, partyId: null, role: "system", apiTokenId: crypto.randomUUID() },
      )
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(isTokenRefused(refused)).toBe(true);
    expect(await records()).toBe(before);
    // The connection is usable after it (PostgreSQL: it went back to the pool clean).
    for (let i = 0; i < 12; i++) {
      await db.tx((tx) => atCommit(tx, sql`select 1`));
    }
  });
});

const settingOf = shaped(
  (_tx, p: Params<{ name: string }>) => sql<{ value: string }[]>`select current_setting(${p.name}) as value`,
);
const failing = shaped((_tx, p: Params<{ n: number }>) => sql<{ n: number }[]>`select (${p.n}::int / 0) as n`);
/** The database's or the driver's message, not Drizzle's wrapping of it ("Failed query: …"). */
const refusal = (err: unknown) => {
  const e = err as Error & { cause?: Error };
  return String(e?.cause?.message ?? e?.message ?? err);
};

describe("transactions ended with their last statements (endWith)", () => {
  const party = crypto.randomUUID();
  const actor = { userId: null, partyId: party, role: "officer" as const };

  it("answer those statements, run under the actor, and commit what was queued before", async () => {
    const before = await records();
    const [[p], [r]] = await db.tx(async (tx) => {
      await appendAudit(tx, new Date(), who, { action: "test.ended" });
      return endWith(tx, () => [settingOf(tx, { name: "vigil.party_id" }), settingOf(tx, { name: "vigil.role" })]);
    }, actor);
    expect([p?.value, r?.value]).toEqual([party, "officer"]);
    expect(await records()).toBe(before + 1);
  });

  it("fail, and commit nothing, when one of them fails", async () => {
    const before = await records();
    const failed = await db
      .tx(async (tx) => {
        await appendAudit(tx, new Date(), who, { action: "test.ended.failing" });
        return endWith(tx, () => [settingOf(tx, { name: "vigil.party_id" }), failing(tx, { n: 1 })]);
      }, actor)
      .catch(refusal);
    expect(failed).toMatch(/division by zero/);
    expect(await records()).toBe(before);
    for (let i = 0; i < 12; i++) await db.tx((tx) => atCommit(tx, sql`select 1`));
  });

  it("refuse on PostgreSQL what starts after the COMMIT is sent: nothing runs outside the transaction", async () => {
    // A query builder starts only when awaited, after the COMMIT is sent: it must not run.
    const late = await db
      .tx((tx) => endWith(tx, () => [settingOf(tx, { name: "vigil.role" }), tx.execute(sql`select 1`)]), actor)
      .catch(refusal);
    const after = await db
      .tx(async (tx) => {
        await endWith(tx, () => [settingOf(tx, { name: "vigil.role" })]);
        await tx.execute(sql`select 1`);
      }, actor)
      .catch(refusal);
    const before = await records();
    const queuedAfter = await db
      .tx(async (tx) => {
        await endWith(tx, () => [settingOf(tx, { name: "vigil.role" })]);
        await appendAudit(tx, new Date(), who, { action: "test.ended.late" });
      }, actor)
      .catch(refusal);
    if (db.kind === "postgres") {
      expect(late).toMatch(/after the transaction's last statements/);
      expect(after).toMatch(/after the transaction's last statements/);
      expect(queuedAfter).toMatch(/after the transaction's last statements/);
      expect(await records()).toBe(before);
    } else {
      // PGlite's one connection runs them in the transaction, which commits as usual.
      expect(late).toEqual([[{ value: "officer" }], expect.anything()]);
      expect(after).toBeUndefined();
      expect(queuedAfter).toBeUndefined();
      expect(await records()).toBe(before + 1);
    }
    // The connection went back to the pool with its own query again.
    for (let i = 0; i < 12; i++) await db.tx((tx) => atCommit(tx, sql`select 1`));
    expect(await db.tx((tx) => settingOf(tx, { name: "vigil.role" }), actor)).toEqual([{ value: "officer" }]);
  });
});
