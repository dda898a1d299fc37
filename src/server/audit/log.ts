import { asc, gt, type SQL, sql } from "drizzle-orm";
import { atCommit, type Database, type Tx } from "../db/database";
import { type ChainedFields, chainHash, chainText, GENESIS_HASH } from "./chain";
import { auditLog } from "./tables";

/** Who did it and from where; filled from the HTTP request or the CLI. */
export type AuditContext = {
  userId: string | null;
  label: string | null;
  partyId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

export type AuditEvent = {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/**
 * Appends one row to the audit chain in the caller's transaction, so the record and the change it
 * describes commit or roll back together. One statement, run at the transaction's end (atCommit):
 * it moves the chain's head (audit_head, whose row lock orders concurrent appends until commit)
 * and inserts the row with the previous hash and the new one, computed by PostgreSQL over the same
 * text as `chainHash`. Sent with the COMMIT, the lock is held only while PostgreSQL commits, not
 * for a round trip to Vigil and back: every audited transaction passes through that lock.
 */
export async function appendAudit(tx: Tx, at: Date, who: AuditContext, event: AuditEvent): Promise<void> {
  await atCommit(tx, auditStatement(at, who, event));
}

/**
 * The same, written at once: for the rare transaction that reads its own record back (a
 * data-protection copy lists the accesses to a request, its own production among them). The
 * lock is then held from here to the commit.
 */
export async function appendAuditNow(tx: Tx, at: Date, who: AuditContext, event: AuditEvent): Promise<void> {
  await tx.execute(auditStatement(at, who, event));
}

/** The statement that appends the record, for a transaction of one's own. */
export function auditStatement(at: Date, who: AuditContext, event: AuditEvent): SQL {
  return auditRowsStatement([auditRow(at, who, event)]);
}

/** The fields of the record of `event`, as the chain keeps them. */
export function auditRow(at: Date, who: AuditContext, event: AuditEvent): ChainedFields {
  return {
    at,
    actorUserId: who.userId,
    actorLabel: who.label,
    actorPartyId: who.partyId,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: who.ip ?? null,
    userAgent: who.userAgent ?? null,
    details: event.details ?? {},
  };
}

/**
 * One statement appending `rows` to the chain in their order (vigil_audit_append, migration 0034):
 * the head is locked and moved once, however many rows, so a grouped commit appends the records of
 * all its members at once. Each column is sent as one array parameter. If the head has no row the
 * function raises, and the transaction fails: an action without its record must not commit.
 */
export function auditRowsStatement(rows: readonly ChainedFields[]): SQL {
  const column = <T>(value: (row: ChainedFields) => T) => sql.param(rows.map(value));
  return sql`select vigil_audit_append(
    ${column((r) => r.at.toISOString())}::timestamptz[], ${column((r) => r.actorUserId)}::uuid[],
    ${column((r) => r.actorLabel)}::text[], ${column((r) => r.actorPartyId)}::uuid[], ${column((r) => r.action)}::text[],
    ${column((r) => r.targetType)}::text[], ${column((r) => r.targetId)}::text[], ${column((r) => r.ip)}::text[],
    ${column((r) => r.userAgent)}::text[], ${column((r) => JSON.stringify(r.details))}::jsonb[],
    ${column(chainText)}::text[])`;
}

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: "row_changed" | "link_broken" };

/** Walks the whole chain in order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.tx((tx) =>
      tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(batchSize),
    );
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prev) return { ok: false, checked, brokenAt: row.id, reason: "link_broken" };
      const { id: _id, prevHash: _p, hash, ...fields } = row;
      if (chainHash(prev, fields) !== hash) return { ok: false, checked, brokenAt: row.id, reason: "row_changed" };
      prev = hash;
      afterId = row.id;
      checked++;
    }
  }
}
