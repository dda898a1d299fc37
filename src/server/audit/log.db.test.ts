import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import type { Database } from "../db/database";
import { appendAudit, auditRow, auditRowsStatement, verifyAuditChain } from "./log";
import { auditHead, auditLog } from "./tables";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const who = { userId: null, label: "tester@example.org", partyId: null, ip: "127.0.0.1", userAgent: "vitest" };

describe("audit chain", () => {
  it("verifies an intact chain, including rows written concurrently", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.tx((tx) =>
          appendAudit(tx, new Date(Date.UTC(2026, 0, 1, 0, 0, i)), who, {
            action: "test.write",
            targetId: String(i),
            details: { n: i, nested: { b: 1, a: [1, "x"] } },
          }),
        ),
      ),
    );
    const report = await verifyAuditChain(db, 7);
    expect(report).toEqual({ ok: true, checked: 20 });
    // The head holds the last row's link, which the next append continues.
    const [last] = await db.tx((tx) => tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1));
    const [head] = await db.tx((tx) => tx.select().from(auditHead));
    expect(head).toEqual({ id: 1, prevHash: last?.prevHash, hash: last?.hash });
  });

  it("drops the audit row with the change it records when the transaction fails", async () => {
    const before = (await verifyAuditChain(db)).checked;
    await expect(
      db.tx(async (tx) => {
        await appendAudit(tx, new Date(), who, { action: "test.doomed" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: before });
  });

  it("is append-only for the application role", async () => {
    await expect(db.tx((tx) => tx.update(auditLog).set({ action: "x" }).where(eq(auditLog.id, 1)))).rejects.toThrow();
    await expect(db.tx((tx) => tx.delete(auditLog).where(eq(auditLog.id, 1)))).rejects.toThrow();
    // Its head can only be moved by an append: not removed, not doubled.
    await expect(db.tx((tx) => tx.delete(auditHead))).rejects.toThrow();
    await expect(db.tx((tx) => tx.insert(auditHead).values({ id: 2, prevHash: "x", hash: "y" }))).rejects.toThrow();
  });

  it("reports a changed row as the first broken link", async () => {
    const [target] = await db.tx((tx) =>
      tx.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).offset(5).limit(1),
    );
    // Tampering needs the owner's rights, as an intruder with database access would have.
    await db.ownerTx((tx) =>
      tx.execute(sql`update audit_log set details = '{"n": 999}'::jsonb where id = ${target!.id}`),
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAt: target!.id, reason: "row_changed", checked: 5 });
  });

  it("reports a removed row as a broken link at the row after it", async () => {
    const fresh = await testDatabase();
    try {
      for (let i = 0; i < 5; i++)
        await fresh.tx((tx) => appendAudit(tx, new Date(), who, { action: "test.write", targetId: String(i) }));
      const ids = (await fresh.tx((tx) => tx.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id))).map(
        (r) => r.id,
      );
      await fresh.ownerTx((tx) => tx.execute(sql`delete from audit_log where id = ${ids[2]!}`));
      expect(await verifyAuditChain(fresh)).toMatchObject({ ok: false, brokenAt: ids[3], reason: "link_broken" });
    } finally {
      await fresh.close();
    }
  });

  it("is written at the commit, after the transaction's own statements, in the order appended", async () => {
    const seen = await db.tx(async (tx) => {
      await appendAudit(tx, new Date(), who, { action: "test.first" });
      await appendAudit(tx, new Date(), who, { action: "test.second" });
      // Not yet written: the appends go with the COMMIT, in one round trip on PostgreSQL.
      return tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "test.first"));
    });
    expect(seen).toEqual([]);
    const rows = await db.tx((tx) => tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2));
    expect(rows.map((r) => r.action)).toEqual(["test.second", "test.first"]);
    // The earlier test broke the chain further back; these two still link.
    expect(rows[0]?.prevHash).toBe(rows[1]?.hash);
  });

  it("fails its transaction, and the change it records, when it cannot be appended", async () => {
    const fresh = await testDatabase();
    try {
      await fresh.ownerTx((tx) => tx.execute(sql`delete from audit_head`));
      const failed = await fresh
        .tx(async (tx) => {
          await tx.execute(sql`insert into directory_search_words (word) values ('zebrachange')`);
          await appendAudit(tx, new Date(), who, { action: "test.unrecorded" });
          return "done";
        })
        .catch((err: Error & { cause?: Error }) => err.cause ?? err);
      // PostgreSQL's own message (the driver's, not the text of the statement Drizzle quotes).
      expect((failed as Error).message).toContain("audit_head has no row");
      const words = await fresh.ownerTx((tx) =>
        tx.execute(sql`select word from directory_search_words where word = 'zebrachange'`),
      );
      expect((words as unknown as { rows: unknown[] }).rows).toEqual([]);
      expect(await verifyAuditChain(fresh)).toEqual({ ok: true, checked: 0 });
      // The connection is clean again for the next transaction.
      expect(await fresh.tx(async () => "next")).toBe("next");
    } finally {
      await fresh.close();
    }
  });

  it("appends several rows in one statement, linked in their order, and refuses columns of unequal length", async () => {
    const rows = [1, 2, 3].map((i) => auditRow(new Date(), who, { action: `test.many.${i}`, details: { i } }));
    await db.tx((tx) => tx.execute(auditRowsStatement(rows)));
    const kept = await db.ownerTx((tx) =>
      tx.select().from(auditLog).where(sql`${auditLog.action} like 'test.many.%'`).orderBy(auditLog.id),
    );
    expect(kept.map((r) => r.action)).toEqual(["test.many.1", "test.many.2", "test.many.3"]);
    expect(kept[1]?.prevHash).toBe(kept[0]?.hash);
    expect(kept[2]?.prevHash).toBe(kept[1]?.hash);
    const [head] = await db.ownerTx((tx) => tx.select().from(auditHead));
    expect(head).toMatchObject({ hash: kept[2]?.hash, prevHash: kept[1]?.hash });
    const failed = await db
      .tx((tx) =>
        tx.execute(
          sql`select vigil_audit_append(array[now()], array[null]::uuid[], array['x'], array[null]::uuid[],
                 array['test.uneven', 'test.uneven'], array[null]::text[], array[null]::text[], array[null]::text[],
                 array[null]::text[], array['{}'::jsonb], array['{}'])`,
        ),
      )
      .catch((err: Error & { cause?: Error }) => err.cause ?? err);
    expect((failed as Error).message).toContain("not all as long");
  });
});
