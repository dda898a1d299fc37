import { and, eq, gt, isNull } from "drizzle-orm";
import type { OpenPingList, PingAcknowledged, PingLinkStatus, PingPhoneAnswerInput } from "../../shared/pings";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { sha256 } from "../auth/tokens";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR, type Tx } from "../db/database";
import { badRequest, conflict, forbidden, gone, type HttpError, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { LINK_VALIDITY_MS, NOT_FOUND, requireManager } from "./campaigns";
import { publishProgress } from "./delivery";
import { responseSeconds } from "./report";
import { pingCampaigns, pingRecipients, pingTargets } from "./tables";

/*
 * Answers to a ping: by the one-time link of an e-mail (a person gives their name on a page: a
 * GET only says what the link is, since mail scanners fetch links by themselves), in Vigil by an
 * officer of the Party, or recorded by the Secretariat from a phone call. Only the first answer of
 * a contact point counts; anything after it, or on an expired, closed, forged or truncated link,
 * records nothing and says why.
 */

type TargetRow = typeof pingTargets.$inferSelect;
type CampaignRow = typeof pingCampaigns.$inferSelect;

/** What a link looks like: 43 base64url characters (256 random bits). Anything else is not one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Found = {
  recipient: typeof pingRecipients.$inferSelect;
  target: TargetRow;
  campaign: CampaignRow;
};

async function findByToken(tx: Tx, token: string, lock: boolean): Promise<Found | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [recipient] = await tx
    .select()
    .from(pingRecipients)
    .where(eq(pingRecipients.tokenHash, sha256(token)))
    .limit(1);
  if (!recipient) return null;
  const targetQuery = tx.select().from(pingTargets).where(eq(pingTargets.id, recipient.targetId));
  const [target] = lock ? await targetQuery.for("update") : await targetQuery;
  const [campaign] = await tx.select().from(pingCampaigns).where(eq(pingCampaigns.id, recipient.campaignId));
  return target && campaign ? { recipient, target, campaign } : null;
}

function stateOf(f: Found, now: Date): PingLinkStatus["state"] {
  if (f.target.acknowledgedAt) return "answered";
  if (f.campaign.status === "closed") return "closed";
  if (f.recipient.expiresAt <= now) return "expired";
  return "valid";
}

const UNKNOWN: PingLinkStatus = {
  state: "unknown",
  party: null,
  partyNameEn: null,
  partyNameFr: null,
  institution: null,
  expiresAt: null,
  acknowledgedAt: null,
};

/** What a link is, for its page. Records nothing, whoever fetches it (a person or a mail scanner). */
export async function linkStatus(ctx: AppContext, token: string): Promise<PingLinkStatus> {
  const now = ctx.clock.now();
  // Nobody is known yet: the link is looked up by its hash as the system, like a session.
  const found = await ctx.db.tx((tx) => findByToken(tx, token, false), SYSTEM_ACTOR);
  if (!found) return UNKNOWN;
  return {
    state: stateOf(found, now),
    party: found.target.partyIso2,
    partyNameEn: found.target.partyNameEn,
    partyNameFr: found.target.partyNameFr,
    institution: found.target.institution,
    expiresAt: found.recipient.expiresAt.toISOString(),
    acknowledgedAt: found.target.acknowledgedAt?.toISOString() ?? null,
  };
}

function refusal(state: PingLinkStatus["state"], target: TargetRow | null): HttpError {
  switch (state) {
    case "answered":
      return conflict(
        "ping_already_answered",
        `This contact point already answered the ping test (${target?.acknowledgedAt?.toISOString() ?? ""}). Nothing was changed.`,
      );
    case "closed":
      return gone("ping_closed", "This ping test has ended: the link no longer records an answer.");
    case "expired":
      return gone("ping_link_expired", "This link has expired: it worked for 7 days after it was sent.");
    default:
      return notFound("This link is not valid: it may be incomplete. Copy the whole link from the e-mail.");
  }
}

async function record(
  tx: Tx,
  target: TargetRow,
  campaign: CampaignRow,
  at: Date,
  answer: { via: "link" | "app" | "phone"; name: string; note?: string | null; recordedBy?: string | null },
): Promise<PingAcknowledged> {
  // Only the first answer counts: the row is locked and updated only while it has none.
  const [done] = await tx
    .update(pingTargets)
    .set({
      acknowledgedAt: at,
      via: answer.via,
      answeredBy: answer.name,
      note: answer.note ?? null,
      recordedBy: answer.recordedBy ?? null,
    })
    .where(and(eq(pingTargets.id, target.id), isNull(pingTargets.acknowledgedAt)))
    .returning();
  if (!done) throw refusal("answered", target);
  await publishProgress(tx, campaign.id, at, target.partyId);
  return {
    acknowledgedAt: at.toISOString(),
    responseSeconds: responseSeconds(done, campaign.firedAt ?? campaign.scheduledAt) ?? 0,
  };
}

/** A person acknowledges through the link of an e-mail, with their name. */
export async function acknowledgeByLink(
  ctx: AppContext,
  token: string,
  name: string,
  meta: RequestMeta,
): Promise<PingAcknowledged> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const found = await findByToken(tx, token, true);
    if (!found) throw refusal("unknown", null);
    const state = stateOf(found, at);
    if (state !== "valid") throw refusal(state, found.target);
    const result = await record(tx, found.target, found.campaign, at, { via: "link", name });
    await tx.update(pingRecipients).set({ usedAt: at }).where(eq(pingRecipients.id, found.recipient.id));
    await appendAudit(
      tx,
      at,
      { userId: null, label: `ping link of ${found.recipient.address}`, partyId: found.target.partyId, ...meta },
      {
        action: "ping.acknowledged",
        targetType: "ping_target",
        targetId: found.target.id,
        details: { via: "link", campaign: found.campaign.id, seconds: result.responseSeconds },
      },
    );
    return result;
  }, SYSTEM_ACTOR);
}

/** The pings waiting for an answer from the caller's Party (the officers' banner). */
export async function openPings(ctx: AppContext, user: Principal): Promise<OpenPingList> {
  if (!can(user, "pings.answer") || !user.partyId) return { items: [] };
  const now = ctx.clock.now();
  const partyId = user.partyId;
  return ctx.db.tx(async (tx) => {
    const rows = await tx
      .select({ target: pingTargets, firedAt: pingCampaigns.firedAt })
      .from(pingTargets)
      .innerJoin(pingCampaigns, eq(pingCampaigns.id, pingTargets.campaignId))
      .where(
        and(
          eq(pingTargets.partyId, partyId),
          isNull(pingTargets.acknowledgedAt),
          eq(pingCampaigns.status, "running"),
          gt(pingCampaigns.firedAt, new Date(now.getTime() - LINK_VALIDITY_MS)),
        ),
      );
    return {
      items: rows.map((r) => ({
        targetId: r.target.id,
        campaignId: r.target.campaignId,
        firedAt: (r.firedAt as Date).toISOString(),
        institution: r.target.institution,
        type: r.target.type,
      })),
    };
  }, actorOf(user));
}

async function targetForAnswer(
  tx: Tx,
  targetId: string,
  now: Date,
): Promise<{ target: TargetRow; campaign: CampaignRow }> {
  const [target] = await tx.select().from(pingTargets).where(eq(pingTargets.id, targetId)).for("update");
  if (!target) throw notFound("No contact point of a ping test with this id.");
  const [campaign] = await tx.select().from(pingCampaigns).where(eq(pingCampaigns.id, target.campaignId));
  if (!campaign) throw notFound(NOT_FOUND);
  if (target.acknowledgedAt) throw refusal("answered", target);
  if (campaign.status === "closed") throw refusal("closed", target);
  if (campaign.firedAt && now.getTime() >= campaign.firedAt.getTime() + LINK_VALIDITY_MS)
    throw refusal("expired", target);
  return { target, campaign };
}

/** An officer of the pinged Party answers in Vigil, for one of its contact points. */
export async function acknowledgeInApp(
  ctx: AppContext,
  user: Principal,
  targetId: string,
  meta: RequestMeta,
): Promise<PingAcknowledged> {
  if (!can(user, "pings.answer") || !("email" in user)) throw forbidden("Only a Party's officers answer a ping test.");
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { target, campaign } = await targetForAnswer(tx, targetId, at);
    // Row-level security hides other Parties' rows already; this is the first layer.
    if (target.partyId !== user.partyId) throw notFound("No contact point of a ping test with this id.");
    const result = await record(tx, target, campaign, at, {
      via: "app",
      name: user.displayName,
      recordedBy: user.id,
    });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "ping.acknowledged",
      targetType: "ping_target",
      targetId: target.id,
      details: { via: "app", campaign: campaign.id, seconds: result.responseSeconds },
    });
    return result;
  }, actorOf(user));
}

/** The Secretariat records an answer received by phone (or otherwise), at the time it came. */
export async function recordPhoneAnswer(
  ctx: AppContext,
  user: Principal,
  campaignId: string,
  input: PingPhoneAnswerInput,
  meta: RequestMeta,
): Promise<PingAcknowledged> {
  requireManager(user);
  const now = ctx.clock.now();
  const at = new Date(input.at);
  return ctx.db.tx(async (tx) => {
    const { target, campaign } = await targetForAnswer(tx, input.targetId, now);
    if (campaign.id !== campaignId) throw notFound("No contact point of this ping test with this id.");
    if (!campaign.firedAt) throw conflict("ping_not_sent", "This ping test has not been sent yet.");
    if (at > now || at < campaign.firedAt) {
      throw badRequest(
        "answer_time_out_of_range",
        "The answer must have come after the ping went out, and not later than now.",
        [{ path: "body.at", message: "Between the ping and now" }],
      );
    }
    const result = await record(tx, target, campaign, at, {
      via: "phone",
      name: input.name,
      note: input.note,
      recordedBy: "email" in user ? user.id : null,
    });
    await appendAudit(tx, now, auditWho(user, meta), {
      action: "ping.answer_recorded",
      targetType: "ping_target",
      targetId: target.id,
      details: { via: "phone", campaign: campaign.id, at: at.toISOString() },
    });
    return result;
  }, actorOf(user));
}
