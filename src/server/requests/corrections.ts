import { eq } from "drizzle-orm";
import { CORRECTABLE_BLOCKS, type CorrectionBody, type FieldChange, type RequestDetail } from "../../shared/requests";
import { appendAudit } from "../audit/log";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import { badRequest, conflict } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { refusePurged, requireVisible, requireWriter } from "./access";
import { sideToTell } from "./handlers";
import { actorFields, readRequest } from "./requests";
import { requireTransfersAllowed } from "./suspension";
import { requestCorrections, requests } from "./tables";
import { recordStep } from "./timeline";

/*
 * SAP Art. 14(3): data transferred must be accurate and complete, and a Party that finds it sent
 * wrong data corrects them. The sender corrects its sent request's form here: the request then
 * reads as corrected everywhere (its documents, its national system's copy), and each correction
 * keeps the values it replaced, who made it and why, so what was sent when can always be shown.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** An absent field, an empty string and null are the same "nothing" to a reader of the form. */
const normalise = (v: unknown): unknown => (v === undefined || v === "" ? null : v);

/** A value with its empty fields dropped and its keys sorted: two spellings of one value compare equal. */
function canonical(v: unknown): unknown {
  const n = normalise(v);
  if (Array.isArray(n)) return n.map(canonical);
  if (!isPlainObject(n)) return n;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(n).sort()) {
    const c = canonical(n[key]);
    if (c !== null) out[key] = c;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The fields that differ between two versions of a form, within the given blocks: objects are
 * compared field by field ("requestingAuthority.phone"), lists and plain values as a whole
 * ("identifiers"), so each change reads as one line with its value before and after.
 */
export function diffContent(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  blocks: readonly string[] = CORRECTABLE_BLOCKS,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) walk(`${path}.${key}`, a[key], b[key]);
      return;
    }
    if (!sameValue(a, b)) changes.push({ path, before: normalise(a) ?? null, after: normalise(b) ?? null });
  };
  for (const block of blocks) walk(block, before[block], after[block]);
  return changes;
}

/** The sender corrects the form of a request it sent; 400 when nothing changed. */
export async function correctRequest(
  ctx: AppContext,
  user: Principal,
  id: string,
  body: CorrectionBody,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, id, { at, forUpdate: true });
    refusePurged(row);
    if (side !== "sender") throw conflict("not_sender", "Only the sending Party corrects the form it sent.");
    if (row.state === "draft") throw conflict("not_sent", "A draft is edited, not corrected: open it and save.");
    if (row.state === "closed") {
      throw conflict("closed", "This request is closed: send the correction as a new request that refers to it.");
    }
    if (body.content.type !== row.type) {
      throw badRequest("wrong_type", "A correction keeps the request's type: send a new request of the other type.", [
        { path: "body.content.type", message: "Not this request's type" },
      ]);
    }
    await requireTransfersAllowed(tx, row.senderPartyId, row.requestedPartyId as string);
    // The form is sent whole; only the correctable blocks are taken from it, the rest stays as sent.
    const submitted = body.content as unknown as Record<string, unknown>;
    const corrected: Record<string, unknown> = { ...row.content };
    for (const block of CORRECTABLE_BLOCKS) corrected[block] = submitted[block];
    const changes = diffContent(row.content, corrected);
    if (changes.length === 0) {
      throw badRequest("no_change", "The form is as it was sent: change a field, or add a message instead.");
    }
    const [updated] = await tx
      .update(requests)
      .set({
        content: corrected,
        reference: body.content.reference,
        handlingConditions: body.content.handlingConditions,
        updatedAt: at,
      })
      .where(eq(requests.id, row.id))
      .returning();
    if (!updated) throw new Error("request not updated");
    const actor = actorFields(user);
    await tx.insert(requestCorrections).values({
      requestId: row.id,
      at,
      actorUserId: actor.userId,
      actorPartyId: row.senderPartyId,
      reason: body.reason,
      changes,
    });
    const fields = changes.map((c) => c.path);
    // The step's receipt carries the hash of the corrected form: both sides can show which they hold.
    await recordStep(tx, updated, { kind: "corrected", actor, note: body.reason, facts: { fields } }, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.corrected",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, fields },
    });
    const requested = row.requestedPartyId as string;
    await notify(
      tx,
      await sideToTell(tx, row, requested),
      { kind: "request.corrected", params: { number: row.number }, link: `/requests/${row.id}` },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, requested, "request.corrected", { id: row.id, number: row.number }, at);
  }, actorOf(user));
  return readRequest(ctx, user, id, meta, { audit: false });
}
