import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import { appendAudit } from "../audit/log";
import { auditLog } from "../audit/tables";
import { atCommit, type Database, isTokenRefused } from "./database";

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
