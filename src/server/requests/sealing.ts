import { and, asc, eq, gt, isNotNull, isNull, ne, or } from "drizzle-orm";
import { type AuditContext, appendAudit } from "../audit/log";
import { type Database, SYSTEM_ACTOR } from "../db/database";
import { type Keyring, open, seal } from "../vault/keyring";
import { requestAttachments, requestMessages } from "./tables";

/**
 * What of a request is sealed at rest (AES-256-GCM, vault/keyring.ts), and how each item is bound:
 * a blob opens only on the row it was sealed for.
 */
export const attachmentAad = (id: string) => `request-attachment:${id}`;
export const messageAad = (id: string) => `request-message:${id}`;

export function sealMessage(ring: Keyring, id: string, body: string): { keyId: string; sealed: Buffer } {
  return { keyId: ring.current, sealed: seal(ring, Buffer.from(body, "utf8"), messageAad(id)) };
}

export function openMessage(
  ring: Keyring,
  row: { id: string; sealed: Buffer | Uint8Array | null; body: string | null },
) {
  // A row not sealed yet (written before bodies were encrypted, before the start-up step ran).
  if (!row.sealed) return row.body ?? "";
  // The drivers hand bytea back as Buffer (pg) or Uint8Array (PGlite).
  return open(ring, Buffer.from(row.sealed), messageAad(row.id)).toString("utf8");
}

const BATCH = 100;
/** Attachments are up to 20 MB each: a few per transaction. */
const FILE_BATCH = 5;

/**
 * Seals the message bodies written in plain text before encryption at rest (one-off, at every
 * start until none is left; a no-op afterwards). The keys are configuration, not data, so a SQL
 * migration cannot do it: the migration only adds the columns. Returns how many were sealed.
 */
export async function sealPlaintextMessages(db: Database, ring: Keyring): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.tx(async (tx) => {
      const rows = await tx
        .select({ id: requestMessages.id, body: requestMessages.body })
        .from(requestMessages)
        .where(and(isNull(requestMessages.sealed), isNotNull(requestMessages.body)))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const r of rows) {
        await tx
          .update(requestMessages)
          .set({ ...sealMessage(ring, r.id, r.body ?? ""), body: null })
          .where(eq(requestMessages.id, r.id));
      }
      return rows.length;
    }, SYSTEM_ACTOR);
    total += n;
    if (n < BATCH) return total;
  }
}

export type ResealReport = { plaintextMessages: number; messages: number; attachments: number };

/**
 * After a key rotation (a new key first in VIGIL_ENCRYPTION_KEYS): re-encrypts every message and
 * attachment still sealed with an older key under the newest one, so that the old key can then be
 * removed from the ring. Batches of a few rows per transaction; safe to run again or while Vigil
 * runs (rows in use are skipped and caught by the next run). Audited once, with the counts.
 */
export async function resealRequestItems(
  db: Database,
  ring: Keyring,
  at: Date,
  who: AuditContext,
): Promise<ResealReport> {
  const plaintextMessages = await sealPlaintextMessages(db, ring);
  let messages = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.tx(async (tx) => {
      const rows = await tx
        .select({ id: requestMessages.id, body: requestMessages.body, sealed: requestMessages.sealed })
        .from(requestMessages)
        .where(
          and(gt(requestMessages.id, after), isNotNull(requestMessages.sealed), staleKey(requestMessages.keyId, ring)),
        )
        .orderBy(asc(requestMessages.id))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const r of rows) {
        const body = openMessage(ring, r);
        await tx
          .update(requestMessages)
          .set(sealMessage(ring, r.id, body))
          .where(eq(requestMessages.id, r.id));
      }
      return rows;
    }, SYSTEM_ACTOR);
    messages += batch.length;
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]?.id ?? after;
  }
  let attachments = 0;
  after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.tx(async (tx) => {
      const rows = await tx
        .select({ id: requestAttachments.id, sealed: requestAttachments.sealed })
        .from(requestAttachments)
        .where(and(gt(requestAttachments.id, after), staleKey(requestAttachments.keyId, ring)))
        .orderBy(asc(requestAttachments.id))
        .limit(FILE_BATCH)
        .for("update", { skipLocked: true });
      for (const r of rows) {
        const plain = open(ring, Buffer.from(r.sealed), attachmentAad(r.id));
        await tx
          .update(requestAttachments)
          .set({ keyId: ring.current, sealed: seal(ring, plain, attachmentAad(r.id)) })
          .where(eq(requestAttachments.id, r.id));
      }
      return rows;
    }, SYSTEM_ACTOR);
    attachments += batch.length;
    if (batch.length < FILE_BATCH) break;
    after = batch[batch.length - 1]?.id ?? after;
  }
  const report = { plaintextMessages, messages, attachments };
  await db.tx(
    (tx) =>
      appendAudit(tx, at, who, {
        action: "vault.resealed",
        targetType: "keyring",
        targetId: ring.current,
        details: report,
      }),
    SYSTEM_ACTOR,
  );
  return report;
}

/** Sealed with a key other than the ring's current one (or with no key recorded). */
function staleKey(column: typeof requestMessages.keyId | typeof requestAttachments.keyId, ring: Keyring) {
  return or(isNull(column), ne(column, ring.current));
}
