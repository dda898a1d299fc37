import { and, asc, eq } from "drizzle-orm";
import type {
  OnwardTransfer,
  OnwardTransferAsk,
  OnwardTransferDecision,
  OnwardTransferList,
} from "../../shared/transfers";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { requireParty } from "../directory/entries";
import { badRequest, conflict, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { purposeDetails, requireVisible, requireWriter } from "./access";
import { sideToTell } from "./handlers";
import { actorFields } from "./requests";
import { requireNoteAllowed, requireTransfersAllowed } from "./suspension";
import { recordStep } from "./timeline";
import { onwardTransfers } from "./transfer-tables";

/*
 * Art. 14(10) of the Second Additional Protocol: data received with a request go on to a third
 * State or an international organisation only with the sending Party's prior authorisation, which
 * is asked, given or refused here, on the request's timeline.
 */

// ---------------------------------------------------------------------------------------------
// Onward transfer (para. 10)
// ---------------------------------------------------------------------------------------------

export type OnwardTransferRow = typeof onwardTransfers.$inferSelect;

/** Recipients compare on their ISO code, or on their name without case or surrounding spaces. */
function sameRecipient(row: OnwardTransferRow, r: { recipientState?: string | null; recipientName?: string | null }) {
  if (r.recipientState) return row.recipientState === r.recipientState;
  const name = r.recipientName?.trim().toLowerCase();
  return !!name && row.recipientName?.trim().toLowerCase() === name;
}

/**
 * THE RULE of para. 10: data received with a request go on to a third State or an international
 * organisation only with the sending Party's prior authorisation for that recipient, recorded
 * here. Returns that authorisation, or null: no record, no onward transfer.
 */
export function onwardTransferAuthorisation(
  records: readonly OnwardTransferRow[],
  recipient: { recipientState?: string | null; recipientName?: string | null },
): OnwardTransferRow | null {
  return (
    records
      .filter((r) => r.status === "authorised" && sameRecipient(r, recipient))
      .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0] ?? null
  );
}

function presentOnward(r: OnwardTransferRow): OnwardTransfer {
  return {
    id: r.id,
    recipientKind: r.recipientKind,
    recipientState: r.recipientState,
    recipientName: r.recipientName,
    purpose: r.purpose,
    status: r.status,
    askedAt: r.askedAt.toISOString(),
    askedBy: r.askedByLabel,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedByLabel,
    decisionNote: r.decisionNote,
  };
}

async function onwardRowsOf(tx: Tx, requestId: string): Promise<OnwardTransferRow[]> {
  return tx
    .select()
    .from(onwardTransfers)
    .where(eq(onwardTransfers.requestId, requestId))
    .orderBy(asc(onwardTransfers.askedAt));
}

/** A request's onward transfers as the API shows them, for a caller that already checked visibility. */
export async function onwardTransfersOf(tx: Tx, requestId: string): Promise<OnwardTransfer[]> {
  return (await onwardRowsOf(tx, requestId)).map(presentOnward);
}

const labelOf = (user: Principal) => (isApiToken(user) ? user.label : user.displayName);

/** The request's onward-transfer asks and answers, for one of its two Parties (the read is audited). */
export async function listOnwardTransfers(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  meta: RequestMeta,
): Promise<OnwardTransferList> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row, side, purpose } = await requireVisible(tx, user, requestId, { at });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.onward_transfers_read",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, side, ...purposeDetails(purpose) },
    });
    const writer = can(user, "requests.write") && row.state !== "draft";
    return {
      items: (await onwardRowsOf(tx, row.id)).map(presentOnward),
      canAsk: writer && side === "requested",
      canDecide: writer && side === "sender",
    };
  }, actorOf(user));
}

/** "May we forward these data to this recipient?": the rule above, on the request's records. */
export async function checkOnwardTransfer(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  recipient: { recipientState?: string; recipientName?: string },
  meta: RequestMeta,
): Promise<{ allowed: boolean; authorisation: OnwardTransfer | null }> {
  if (!recipient.recipientState && !recipient.recipientName) {
    throw badRequest("recipient_required", "Name the recipient: recipientState (ISO code) or recipientName.", [
      { path: "querystring.recipientState", message: "Name the State or the organisation" },
    ]);
  }
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, requestId, { at });
    const found = onwardTransferAuthorisation(await onwardRowsOf(tx, row.id), recipient);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.onward_transfer_checked",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, side, ...recipient, allowed: !!found },
    });
    return { allowed: !!found, authorisation: found ? presentOnward(found) : null };
  }, actorOf(user));
}

/** The requested Party asks the sender for authorisation; on the timeline (signed), audited, the sender told. */
export async function askOnwardTransfer(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  input: OnwardTransferAsk,
  meta: RequestMeta,
): Promise<OnwardTransfer> {
  requireWriter(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, requestId, { at, forUpdate: true });
    if (side !== "requested") {
      throw conflict(
        "not_requested_party",
        "Only the Party that received the request asks to transfer its data onward.",
      );
    }
    let recipientState: string | null = null;
    let recipientName = input.recipientName?.trim() || null;
    if (input.recipientKind === "state" && input.recipientState) {
      const state = await requireParty(tx, input.recipientState).catch(() => null);
      // States outside the directory are named; those in it are checked against it.
      if (!state) {
        throw badRequest("unknown_state", "No State with this code in the directory: give its name instead.", [
          { path: "body.recipientState", message: "Unknown State" },
        ]);
      }
      if (state.id === row.senderPartyId || state.id === row.requestedPartyId) {
        throw badRequest(
          "not_a_third_state",
          "An onward transfer goes to a third State, not to one of this request's Parties.",
          [{ path: "body.recipientState", message: "Choose a third State" }],
        );
      }
      recipientState = state.iso2;
      recipientName = recipientName ?? state.nameEn;
    }
    await requireTransfersAllowed(tx, row.requestedPartyId as string, row.senderPartyId);
    const [asked] = await tx
      .insert(onwardTransfers)
      .values({
        requestId: row.id,
        recipientKind: input.recipientKind,
        recipientState,
        recipientName,
        purpose: input.purpose,
        askedAt: at,
        askedBy: isApiToken(user) ? null : user.id,
        askedByLabel: labelOf(user),
      })
      .returning();
    if (!asked) throw new Error("onward transfer not written");
    const who = recipientState ?? recipientName;
    await recordStep(
      tx,
      row,
      { kind: "onward_transfer_asked", actor: actorFields(user), note: `${who}: ${input.purpose}` },
      at,
    );
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.onward_transfer_asked",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, onwardTransfer: asked.id, recipientKind: input.recipientKind, recipientState },
    });
    await notify(
      tx,
      await sideToTell(tx, row, row.senderPartyId),
      { kind: "request.onward_transfer_asked", params: { number: row.number }, link: `/requests/${row.id}` },
      at,
      emailOn(ctx),
    );
    return presentOnward(asked);
  }, actorOf(user));
}

/** The sending Party authorises (with conditions, if any) or refuses, once. */
export async function decideOnwardTransfer(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  onwardId: string,
  input: OnwardTransferDecision,
  meta: RequestMeta,
): Promise<OnwardTransfer> {
  requireWriter(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, requestId, { at, forUpdate: true });
    const [asked] = await tx
      .select()
      .from(onwardTransfers)
      .where(and(eq(onwardTransfers.id, onwardId), eq(onwardTransfers.requestId, row.id)))
      .for("update");
    if (!asked) throw notFound("No such onward transfer on this request.");
    if (side !== "sender") {
      throw conflict("not_sender", "Only the Party that sent the request authorises an onward transfer of its data.");
    }
    if (asked.status !== "pending")
      throw conflict("already_decided", `This onward transfer was already ${asked.status}.`);
    const note = input.decision === "authorised" ? input.conditions || null : input.reason;
    await requireNoteAllowed(tx, row.senderPartyId, row.requestedPartyId as string, note);
    const [decided] = await tx
      .update(onwardTransfers)
      .set({
        status: input.decision,
        decidedAt: at,
        decidedBy: isApiToken(user) ? null : user.id,
        decidedByLabel: labelOf(user),
        decisionNote: note,
      })
      .where(eq(onwardTransfers.id, asked.id))
      .returning();
    if (!decided) throw new Error("onward transfer not updated");
    const who = asked.recipientState ?? asked.recipientName;
    await recordStep(
      tx,
      row,
      {
        kind: input.decision === "authorised" ? "onward_transfer_authorised" : "onward_transfer_refused",
        actor: actorFields(user),
        note: note ? `${who}: ${note}` : who,
      },
      at,
    );
    await appendAudit(tx, at, auditWho(user, meta), {
      action: `request.onward_transfer_${input.decision}`,
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, onwardTransfer: asked.id, recipientState: asked.recipientState },
    });
    await notify(
      tx,
      await sideToTell(tx, row, row.requestedPartyId as string),
      {
        kind: "request.onward_transfer_decided",
        params: { number: row.number, decision: input.decision },
        link: `/requests/${row.id}`,
      },
      at,
      emailOn(ctx),
    );
    return presentOnward(decided);
  }, actorOf(user));
}
