import { type AssignBody, PURPOSE_HOURS, type PurposeBody, type RequestDetail } from "../../shared/requests";
import { appendAudit } from "../audit/log";
import { overseesRequests } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { findUserById } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { handles, type RequestRow, refusePurged, requireVisible, requireWriter } from "./access";
import { addHandler, removeHandler } from "./handlers";
import { actorFields, readRequest } from "./requests";
import { requestAccessPurposes } from "./tables";

const HOUR = 3_600_000;

function requirePerson(user: Principal): asserts user is Exclude<Principal, { kind: "api_token" }> {
  // A national system handles what its Party does; it neither takes requests nor gives purposes.
  if (isApiToken(user)) throw forbidden("An API token acts for its Party: it is never a request's handler.");
}

function requireOpen(row: RequestRow): void {
  refusePurged(row);
  if (row.state === "draft") throw conflict("not_sent", "A draft has no handlers yet: it is its sender's.");
  if (row.state === "closed")
    throw conflict("request_closed", "This request is closed: its handlers no longer change.");
}

/**
 * Makes an officer a handler of the request for the caller's side: oneself ("take it": any officer
 * or admin who may open it), or another officer or admin of one's own Party (a Party admin only).
 * On the timeline, audited; the officer assigned by someone else is told in-app (number only).
 */
export async function assignHandler(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: AssignBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  requirePerson(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row } = await requireVisible(tx, user, id, { at, forUpdate: true });
    requireOpen(row);
    const targetId = body.userId ?? user.id;
    if (targetId !== user.id && !overseesRequests(user)) {
      throw forbidden("Only your Party's administrators assign a request to someone else; you may take it yourself.");
    }
    const target = targetId === user.id ? user : await findUserById(tx, targetId);
    if (
      !target ||
      target.disabledAt ||
      target.partyId !== user.partyId ||
      (target.role !== "officer" && target.role !== "party_admin")
    ) {
      throw badRequest("not_an_officer", "Assign an active officer or administrator of your own Party.", [
        { path: "body.userId", message: "Not an active officer of your Party" },
      ]);
    }
    const added = await addHandler(
      tx,
      row,
      { userId: target.id, partyId: target.partyId as string, name: target.displayName },
      actorFields(user),
      at,
      { step: true },
    );
    if (!added) return;
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.assigned",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, user: target.id, email: target.email },
    });
    if (target.id !== user.id) {
      await notify(
        tx,
        { userIds: [target.id] },
        { kind: "request.assigned", params: { number: row.number }, link: `/requests/${row.id}` },
        at,
        emailOn(ctx),
      );
    }
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}

/** A Party admin removes one of its Party's handlers; the rows stay as history. */
export async function unassignHandler(
  ctx: AppContext,
  user: Principal,
  id: string,
  targetId: string,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requirePerson(user);
  if (!overseesRequests(user)) throw forbidden("Only your Party's administrators remove a request's handlers.");
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row } = await requireVisible(tx, user, id, { at, forUpdate: true });
    requireOpen(row);
    const target = await findUserById(tx, targetId);
    const removed =
      target && target.partyId === user.partyId
        ? await removeHandler(tx, row, { userId: target.id, name: target.displayName }, actorFields(user), at)
        : false;
    if (!target || !removed) throw notFound("This person does not handle this request for your Party.");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.unassigned",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, user: target.id, email: target.email },
    });
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}

/**
 * A user of one of the two Parties who does not handle the request says why they open it (SAP
 * Art. 14(8)): recorded in the audit trail (the Party's access log shows it), and that user may open
 * that request for one duty shift, each read logged with the purpose. Answers the request, read
 * under the new purpose. A sensitive request stays "not found" for officers who do not handle it.
 */
export async function givePurpose(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: PurposeBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requirePerson(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, id, { at, purpose: false });
    // A handler needs none (the form may have raced an assignment): nothing to record.
    if (await handles(tx, user, row)) return;
    const until = new Date(at.getTime() + PURPOSE_HOURS * HOUR);
    await tx.insert(requestAccessPurposes).values({
      requestId: row.id,
      userId: user.id,
      reason: body.reason,
      note: body.note || null,
      givenAt: at,
      expiresAt: until,
    });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.purpose_given",
      targetType: "request",
      targetId: row.id,
      details: {
        number: row.number,
        side,
        reason: body.reason,
        ...(body.note ? { purpose: body.note } : {}),
        until: until.toISOString(),
      },
    });
  }, actorOf(user));
  return readRequest(ctx, user, id, meta);
}
