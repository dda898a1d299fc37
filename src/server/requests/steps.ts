import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  type FeedbackBody,
  type MessageBody,
  MIN_PRESERVATION_DAYS,
  type RequestDetail,
  type TransitionBody,
} from "../../shared/requests";
import { appendAudit } from "../audit/log";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { legalProfileOf } from "../directory/entries";
import { badRequest, conflict } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { type RequestRow, refusePurged, requireVisible, requireWriter } from "./access";
import { preservationWarningAt } from "./deadlines";
import { addHandler, sideToTell } from "./handlers";
import { preservationCheckJob } from "./jobs";
import { actorFields, readRequest } from "./requests";
import { sealMessage } from "./sealing";
import { requireNoteAllowed, requireTransfersAllowed } from "./suspension";
import { requestMessages, requests } from "./tables";
import { recordStep } from "./timeline";
import { canMove, isOutcome, refusal, type Side } from "./workflow";

const DAY_MS = 86_400_000;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The other Party of the request, the one to tell. */
const counterpartOf = (row: RequestRow, side: Side) =>
  side === "sender" ? (row.requestedPartyId as string) : row.senderPartyId;

/**
 * Moves a request to its next state, if the viewer's side may: audited, on the timeline with a
 * signed receipt, the other Party told. Acknowledging and answering record their times (the
 * statistics' "time to acknowledge" and "time to answer"); a preservation carried out starts its
 * period from the day the data were preserved, for as long as the requested Party's law gives.
 */
export async function transition(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: TransitionBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, id, { at, forUpdate: true });
    refusePurged(row);
    if (!canMove(row.state, body.to, side)) throw conflict("illegal_transition", refusal(row.state, body.to, side));
    await requireNoteAllowed(tx, user.partyId as string, counterpartOf(row, side), body.note);
    const set: Partial<typeof requests.$inferInsert> = { state: body.to, updatedAt: at };
    if (body.to === "acknowledged") set.acknowledgedAt = at;
    if (isOutcome(body.to)) set.answeredAt = at;
    if (body.to === "closed") set.closedAt = at;
    let expiresOn: string | null = null;
    if ((body.to === "executed" || body.to === "partially_executed") && row.type === "preservation") {
      const preservedOn = body.preservedOn ?? at.toISOString().slice(0, 10);
      if (preservedOn > at.toISOString().slice(0, 10)) {
        throw badRequest("preserved_in_future", "The preservation date cannot be in the future.", [
          { path: "body.preservedOn", message: "Give the day the data were preserved (today or earlier)" },
        ]);
      }
      const legal = await legalProfileOf(tx, row.requestedPartyId as string);
      const days = Math.max(legal.preservationDays ?? MIN_PRESERVATION_DAYS, MIN_PRESERVATION_DAYS);
      expiresOn = addDays(preservedOn, days);
      set.preservedOn = preservedOn;
      set.preservationExpiresOn = expiresOn;
    }
    await tx.update(requests).set(set).where(eq(requests.id, row.id));
    const updated = { ...row, ...set } as RequestRow;
    await recordStep(
      tx,
      updated,
      { kind: "transition", from: row.state, to: body.to, actor: actorFields(user), note: body.note || null },
      at,
    );
    if (expiresOn) await schedulePreservationCheck(ctx, tx, updated, expiresOn);
    // Whoever acknowledges a request handles it for the requested side (need to know, access.ts).
    if (body.to === "acknowledged" && !isApiToken(user)) {
      await addHandler(
        tx,
        updated,
        { userId: user.id, partyId: user.partyId as string, name: user.displayName },
        actorFields(user),
        at,
        { step: true },
      );
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.transition",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, from: row.state, to: body.to },
    });
    const other = counterpartOf(row, side);
    await notify(
      tx,
      await sideToTell(tx, row, other),
      { kind: "request.state_changed", params: { number: row.number, state: body.to }, link: `/requests/${row.id}` },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, other, "request.state_changed", { id: row.id, number: row.number, state: body.to }, at);
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}

/**
 * A preservation's end is what the sender plans by: an extension carried out moves the end of the
 * preservation it extends, and the warning date follows it.
 */
async function schedulePreservationCheck(ctx: AppContext, tx: Tx, row: RequestRow, expiresOn: string) {
  let target = row;
  if (row.parentRelation === "extension" && row.parentId) {
    const [parent] = await tx.select().from(requests).where(eq(requests.id, row.parentId)).for("update");
    if (parent && (!parent.preservationExpiresOn || parent.preservationExpiresOn < expiresOn)) {
      await tx
        .update(requests)
        .set({ preservationExpiresOn: expiresOn, preservationWarnedAt: null })
        .where(eq(requests.id, parent.id));
      target = parent;
    }
  }
  await ctx.jobs?.enqueue(
    tx,
    preservationCheckJob,
    { requestId: target.id },
    { startAfter: preservationWarningAt(expiresOn) },
  );
}

export async function addMessage(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: MessageBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, id, { at });
    refusePurged(row);
    if (row.state === "draft" || row.state === "closed") {
      throw conflict("no_messages", row.state === "draft" ? "Send the request first." : "This request is closed.");
    }
    await requireTransfersAllowed(tx, user.partyId as string, counterpartOf(row, side));
    // The body is sealed at rest, bound to the message's id (so its id is chosen here).
    const messageId = randomUUID();
    await tx.insert(requestMessages).values({
      id: messageId,
      requestId: row.id,
      at,
      authorUserId: isApiToken(user) ? null : user.id,
      partyId: user.partyId as string,
      ...sealMessage(ctx.keyring, messageId, body.body),
    });
    await recordStep(tx, row, { kind: "message", actor: actorFields(user) }, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.message",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number },
    });
    const other = counterpartOf(row, side);
    await notify(
      tx,
      await sideToTell(tx, row, other),
      { kind: "request.message", params: { number: row.number }, link: `/requests/${row.id}` },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, other, "request.message", { id: row.id, number: row.number }, at);
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}

/** The sender's word on the outcome, once there is one; given once. */
export async function giveFeedback(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: FeedbackBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, id, { at, forUpdate: true });
    refusePurged(row);
    if (side !== "sender") throw conflict("not_sender", "Only the sending Party gives feedback on the outcome.");
    if (!isOutcome(row.state) && row.state !== "closed") {
      throw conflict("no_outcome_yet", "Feedback comes once the requested Party has answered.");
    }
    if (row.feedbackAt) throw conflict("feedback_given", "Feedback was already given for this request.");
    await requireNoteAllowed(tx, row.senderPartyId, row.requestedPartyId as string, body.comment);
    await tx
      .update(requests)
      .set({ feedbackRating: body.rating, feedbackComment: body.comment, feedbackAt: at, updatedAt: at })
      .where(eq(requests.id, row.id));
    await recordStep(tx, row, { kind: "feedback", actor: actorFields(user), note: body.rating }, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.feedback",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, rating: body.rating },
    });
    await notify(
      tx,
      await sideToTell(tx, row, row.requestedPartyId as string),
      { kind: "request.feedback", params: { number: row.number, rating: body.rating }, link: `/requests/${row.id}` },
      at,
      { email: false },
    );
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}
