import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Webhook, WebhookDelivery, WebhookEvent, WebhookInput } from "../../shared/webhooks";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { queryRows, type Tx } from "../db/database";
import { parties } from "../directory/tables";
import { badRequest, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { outbox } from "../notify/tables";
import { webhookUrlProblem } from "./address-check";
import { webhooks } from "./tables";

/** A Party's webhooks: registered by its admin, told of directory events, delivered through the outbox. */

type WebhookRow = typeof webhooks.$inferSelect;

function requireManage(user: UserRow): string {
  if (!user.partyId || !can(user, "webhooks.manage")) {
    throw forbidden("Only a Party's administrator manages its webhooks.");
  }
  return user.partyId;
}

function present(row: WebhookRow, iso2: string): Webhook {
  return {
    id: row.id,
    partyIso2: iso2,
    url: row.url,
    events: row.events as WebhookEvent[],
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

async function iso2Of(tx: Tx, partyId: string): Promise<string> {
  const [p] = await tx.select({ iso2: parties.iso2 }).from(parties).where(eq(parties.id, partyId));
  return p?.iso2 ?? "";
}

async function ownWebhook(tx: Tx, partyId: string, id: string): Promise<WebhookRow> {
  const [row] = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.partyId, partyId)));
  if (!row) throw notFound("No such webhook for your Party.");
  return row;
}

export async function createWebhook(
  ctx: AppContext,
  user: UserRow,
  input: WebhookInput,
  meta: RequestMeta,
): Promise<{ webhook: Webhook; secret: string }> {
  const partyId = requireManage(user);
  // Checked before the transaction: a DNS lookup must not hold the database.
  const problem = await webhookUrlProblem(input.url, { demo: ctx.config.demo });
  if (problem) throw badRequest("invalid_webhook_url", problem, [{ path: "body.url", message: problem }]);
  const at = ctx.clock.now();
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return ctx.db.tx(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ partyId, url: input.url, events: input.events, secret, createdBy: user.id, createdAt: at })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "webhook.created",
      targetType: "webhook",
      targetId: row.id,
      details: { url: row.url, events: row.events },
    });
    return { webhook: present(row, await iso2Of(tx, partyId)), secret };
  }, actorOf(user));
}

export async function listWebhooks(ctx: AppContext, user: UserRow): Promise<Webhook[]> {
  const partyId = requireManage(user);
  return ctx.db.tx(async (tx) => {
    const iso2 = await iso2Of(tx, partyId);
    const rows = await tx
      .select()
      .from(webhooks)
      .where(eq(webhooks.partyId, partyId))
      .orderBy(desc(webhooks.createdAt));
    return rows.map((r) => present(r, iso2));
  }, actorOf(user));
}

export async function disableWebhook(ctx: AppContext, user: UserRow, id: string, meta: RequestMeta): Promise<void> {
  const partyId = requireManage(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const row = await ownWebhook(tx, partyId, id);
    if (!row.disabledAt) await tx.update(webhooks).set({ disabledAt: at }).where(eq(webhooks.id, id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "webhook.disabled",
      targetType: "webhook",
      targetId: id,
    });
  }, actorOf(user));
}

/** Queues one delivery for one webhook, in the caller's transaction. */
async function enqueueDelivery(
  tx: Tx,
  hook: Pick<WebhookRow, "id">,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<string> {
  const deliveryId = crypto.randomUUID();
  await tx.insert(outbox).values({
    channel: "webhook",
    idempotencyKey: deliveryId,
    webhookId: hook.id,
    payload: { event, data, createdAt: at.toISOString() },
    nextAttemptAt: at,
    createdAt: at,
  });
  return deliveryId;
}

export async function sendTestEvent(ctx: AppContext, user: UserRow, id: string, meta: RequestMeta): Promise<string> {
  const partyId = requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = await ownWebhook(tx, partyId, id);
    if (row.disabledAt) throw badRequest("webhook_disabled", "This webhook is disabled.");
    const deliveryId = await enqueueDelivery(tx, row, "test", { message: "Test event from Vigil" }, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "webhook.test_sent",
      targetType: "webhook",
      targetId: id,
    });
    return deliveryId;
  }, actorOf(user));
}

export async function webhookDeliveries(ctx: AppContext, user: UserRow, id: string): Promise<WebhookDelivery[]> {
  const partyId = requireManage(user);
  return ctx.db.tx(async (tx) => {
    await ownWebhook(tx, partyId, id);
    const rows = await tx
      .select()
      .from(outbox)
      .where(eq(outbox.webhookId, id))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(100);
    return rows.map((r) => ({
      id: r.idempotencyKey,
      event: String((r.payload as { event?: string }).event ?? ""),
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    }));
  }, actorOf(user));
}

/**
 * Tells the webhooks subscribed to `event`: those of one Party, or of every Party (partyId null).
 * Called in the transaction of the change, like every outbox write.
 */
export async function emitWebhookEvent(
  tx: Tx,
  partyId: string | null,
  event: Exclude<WebhookEvent, "test">,
  data: Record<string, unknown>,
  at: Date,
): Promise<number> {
  // Another Party's webhooks are not the acting Party's to read (row-level security): a function
  // with the owner's rights gives only the ids of the subscribed ones (migrations: vigil_webhook_targets).
  const hooks = await queryRows<{ id: string }>(
    tx,
    sql`select t as id from vigil_webhook_targets(${partyId}::uuid, ${event}) t`,
  );
  for (const h of hooks) await enqueueDelivery(tx, h, event, data, at);
  return hooks.length;
}

export async function findWebhook(tx: Tx, id: string): Promise<WebhookRow | undefined> {
  const [row] = await tx.select().from(webhooks).where(eq(webhooks.id, id));
  return row;
}
