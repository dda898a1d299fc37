import { asc, desc, gt, sql } from "drizzle-orm";
import type { Database, Tx } from "../db/database";
import { type ChainedFields, chainHash, GENESIS_HASH } from "./chain";
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
 * Appends one row to the audit chain inside the caller's transaction, so the record and the
 * change it describes commit or roll back together. The transaction-scoped advisory lock
 * orders concurrent appends: each row sees the hash of the one before it.
 */
export async function appendAudit(tx: Tx, at: Date, who: AuditContext, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.audit_chain'))`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields: ChainedFields = {
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
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
