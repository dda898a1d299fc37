import { eq, sql } from "drizzle-orm";
import type { Locale } from "../../shared/auth";
import type { AppContext } from "../context";
import { queryRows, SYSTEM_ACTOR, type Tx } from "../db/database";
import { deliverWebhook, PermanentDeliveryError } from "../webhooks/deliver";
import { DELIVERY_HOOKS, type DeliveryHook } from "./delivery-hooks";
import { renderEmail } from "./email-text";
import type { MailTransport } from "./mail-transport";
import { outbox } from "./tables";

/** How long a claimed row is reserved for the worker that claimed it. */
const LEASE_MS = 60_000;
/** After this many failed attempts (about a day with the back-off below) a row is marked failed. */
export const MAX_ATTEMPTS = 16;

/** 30 s, 1 min, 2 min … capped at 2 hours between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

export type EmailPayload = {
  to: string;
  locale: Locale;
  kind: string;
  params: Record<string, string | number | null>;
  link: string | null;
  /**
   * The link is a credential (an invitation, a ping test's acknowledgement): the stored payload
   * loses it once the message is delivered or given up, so the outbox does not keep live secrets.
   */
  secretLink?: true;
};

/** The stored payload once a message is done with: without its link when that link is a secret. */
const doneWithPayload = sql`case when ${outbox.payload}->>'secretLink' = 'true'
  then (${outbox.payload} - 'link') || '{"link": null}'::jsonb else ${outbox.payload} end`;

/**
 * Queues an e-mail in the caller's transaction: it exists exactly when the change commits. It
 * becomes due at `sendAt` (later than `at` when the recipient's quiet hours hold it).
 */
export async function enqueueEmail(
  tx: Tx,
  /** The account it is for; null for an address outside Vigil (a contact point's mailbox). */
  userId: string | null,
  payload: EmailPayload,
  key: string,
  at: Date,
  sendAt: Date = at,
): Promise<void> {
  await tx
    .insert(outbox)
    .values({ channel: "email", idempotencyKey: key, userId, payload, nextAttemptAt: sendAt, createdAt: at })
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/** Many e-mails at once (a ping test queues one per address): the same rows as `enqueueEmail`, in few statements. */
export async function enqueueEmails(
  tx: Tx,
  emails: readonly { userId: string | null; payload: EmailPayload; key: string; sendAt?: Date }[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < emails.length; i += 1000) {
    await tx
      .insert(outbox)
      .values(
        emails.slice(i, i + 1000).map((e) => ({
          channel: "email" as const,
          idempotencyKey: e.key,
          userId: e.userId,
          payload: e.payload,
          nextAttemptAt: e.sendAt ?? at,
          createdAt: at,
        })),
      )
      .onConflictDoNothing({ target: outbox.idempotencyKey });
  }
}

type Claimed = {
  id: string;
  channel: "email" | "webhook";
  idempotency_key: string;
  webhook_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
};

/** Takes up to `limit` due rows for this worker; rows another worker holds are skipped, not waited for. */
async function claim(ctx: AppContext, limit: number): Promise<Claimed[]> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + LEASE_MS);
  return ctx.db.tx(
    (tx) =>
      queryRows<Claimed>(
        tx,
        sql`update outbox set locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
            where id in (
              select id from outbox
              where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
              order by next_attempt_at
              limit ${limit}
              for update skip locked)
            returning id, channel, idempotency_key, webhook_id, payload, attempts`,
      ),
    SYSTEM_ACTOR,
  );
}

async function send(ctx: AppContext, mail: MailTransport | null, row: Claimed, at: Date): Promise<void> {
  if (row.channel === "webhook") {
    await deliverWebhook(ctx, {
      webhookId: row.webhook_id as string,
      deliveryId: row.idempotency_key,
      payload: row.payload as { event: string; data: unknown; createdAt: string },
    });
    return;
  }
  if (!mail) throw new Error("e-mail is not configured");
  const p = row.payload as EmailPayload;
  const { subject, text } = renderEmail(p.kind, p.params, p.link, p.locale, ctx.config.publicUrl);
  await mail.send({ messageId: `<${row.idempotency_key}@vigil>`, to: p.to, subject, text }, at);
}

/** The hook of the module that queued this row, if any (by the idempotency key's prefix). */
function hookFor(key: string, hooks: readonly DeliveryHook[]): DeliveryHook | undefined {
  return hooks.find((h) => key.startsWith(h.keyPrefix));
}

/**
 * Delivers what is due. Sending happens outside any transaction (an SMTP server may be slow and
 * the embedded database has one connection); the outcome is recorded afterwards. A claimed batch
 * is sent over the transport's open connections at once, and its deliveries are recorded in one
 * transaction: a ping test's 10,000 messages cost a few hundred transactions, not 10,000. `stopping()`
 * is asked before each new batch: a worker that is shutting down finishes the batch it claimed
 * (its rows would otherwise wait out their lease) and claims no more.
 */
export async function deliverDue(
  ctx: AppContext,
  mail: MailTransport | null,
  limit = 100,
  stopping: () => boolean = () => false,
): Promise<{ delivered: number; retried: number; failed: number }> {
  const result = { delivered: 0, retried: 0, failed: 0 };
  const concurrency = mail?.concurrency ?? 1;
  for (;;) {
    if (stopping()) return result;
    const rows = await claim(ctx, limit);
    if (rows.length === 0) return result;
    const delivered: { row: Claimed; at: Date }[] = [];
    const refused: { row: Claimed; at: Date; err: unknown }[] = [];
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const row = rows[i] as Claimed;
        const at = ctx.clock.now();
        try {
          await send(ctx, mail, row, at);
          // The moment the server accepted it, recorded with the row, and told to the module
          // that queued it (a ping test's clock starts then).
          delivered.push({ row, at: ctx.clock.now() });
        } catch (err) {
          refused.push({ row, at, err });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    result.delivered += await recordDelivered(ctx, delivered);
    for (const { row, at, err } of refused) {
      if (await recordRefused(ctx, row, at, err)) result.failed++;
      else result.retried++;
    }
  }
}

/** Marks sent rows delivered and tells their modules, in one transaction (row by row if that fails). */
async function recordDelivered(ctx: AppContext, sent: { row: Claimed; at: Date }[]): Promise<number> {
  if (sent.length === 0) return 0;
  const write = (batch: { row: Claimed; at: Date }[]) =>
    ctx.db.tx(async (tx) => {
      const items = JSON.stringify(batch.map((s) => ({ id: s.row.id, at: s.at.toISOString() })));
      await tx.execute(sql`update outbox set status = 'delivered', delivered_at = v.at, locked_until = null,
          last_error = null, payload = ${doneWithPayload}
        from jsonb_to_recordset(${items}::jsonb) as v(id uuid, at timestamptz)
        where outbox.id = v.id`);
      for (const hook of DELIVERY_HOOKS) {
        const mine = batch.filter((s) => s.row.idempotency_key.startsWith(hook.keyPrefix));
        if (mine.length)
          await hook.delivered(
            tx,
            mine.map((s) => ({ key: s.row.idempotency_key, at: s.at })),
          );
      }
    }, SYSTEM_ACTOR);
  try {
    await write(sent);
  } catch (err) {
    // One row's hook must not keep the others' deliveries unrecorded (they would be sent again).
    ctx.log.warn({ err }, "recording a batch of deliveries failed: recording them one by one");
    for (const s of sent) {
      try {
        await write([s]);
      } catch (one) {
        ctx.log.error({ err: one, outboxId: s.row.id }, "recording a delivery failed: it will be sent again");
      }
    }
  }
  return sent.length;
}

/** Records a refused or failed attempt: retried with back-off, or failed for good (true). */
async function recordRefused(ctx: AppContext, row: Claimed, at: Date, err: unknown): Promise<boolean> {
  const message = (err as Error).message?.slice(0, 500) ?? String(err);
  const failed = row.attempts >= MAX_ATTEMPTS || err instanceof PermanentDeliveryError;
  await ctx.db.tx(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: failed ? "failed" : "pending",
        lockedUntil: null,
        lastError: message,
        nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)),
        ...(failed ? { payload: doneWithPayload } : {}),
      })
      .where(eq(outbox.id, row.id));
    if (failed) await hookFor(row.idempotency_key, DELIVERY_HOOKS)?.failed(tx, row.idempotency_key, at);
  }, SYSTEM_ACTOR);
  ctx.log.warn({ outboxId: row.id, channel: row.channel, attempts: row.attempts, err: message }, "delivery failed");
  return failed;
}

/** Counts by status, for the operations page and tests. */
export async function outboxCounts(tx: Tx): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    tx,
    sql`select status::text, count(*)::int as n from outbox group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * What waits in the outbox, for /metrics: pending and failed rows per channel, and the age of the
 * oldest pending one that is due. Delivered rows are not counted (the index on status serves it).
 */
export async function outboxDepth(
  tx: Tx,
  at: Date,
): Promise<{ channel: string; status: string; n: number; oldestDueSeconds: number | null }[]> {
  return queryRows(
    tx,
    sql`select channel::text, status::text, count(*)::int as n,
          extract(epoch from (${at}::timestamptz - min(next_attempt_at) filter (where status = 'pending' and next_attempt_at <= ${at}::timestamptz)))::float8 as "oldestDueSeconds"
        from outbox where status in ('pending', 'failed') group by channel, status`,
  );
}

/**
 * The outbox worker of one instance: every `intervalMs`, what is due, one run at a time. `stop()`
 * waits for the run in progress to finish its batch, so the database is closed only after.
 */
export function startOutboxWorker(
  ctx: AppContext,
  mail: MailTransport | null,
  intervalMs = 2_000,
): { stop: () => Promise<void> } {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    // The batch size of deliverDue (100): a ping test's 10,000 messages go in a hundred claims.
    current = deliverDue(ctx, mail, undefined, () => stopped)
      .then(
        () => {},
        (err) => ctx.log.error({ err }, "outbox delivery failed"),
      )
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
