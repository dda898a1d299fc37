import { randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  LINK_VALIDITY_DAYS,
  MAX_SCHEDULE_DAYS,
  type PingCampaignInput,
  type PingPreview,
  type PingSelection,
} from "../../shared/pings";
import { regionOf } from "../../shared/regions";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { randomToken, sha256 } from "../auth/tokens";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR, type Tx } from "../db/database";
import { findPartyByIso2, type PingableContactPoint, pingableContactPoints } from "../directory/entries";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { type EmailPayload, enqueueEmails } from "../notify/outbox";
import { open, seal } from "../vault/keyring";
import { pingMessageKey, publishProgress } from "./delivery";
import { pingCheckJob } from "./jobs";
import { pingCampaigns, pingRecipients, pingTargets } from "./tables";

/*
 * Ping test campaigns: the Secretariat chooses the contact points (all, or by Party, type,
 * region), and when the ping goes (now, at a time, or at a moment drawn at random in a window).
 * When it fires, each contact point's e-mail addresses get a message with a one-time link of
 * their own through the outbox, and its Party's officers are told in Vigil. Reminders go at set
 * times to the contact points that have not answered; a campaign closes by hand or when its
 * links expire. Every step is idempotent under a lock on the campaign's row, so a delayed job
 * and the minute sweep may both try it.
 */

export type CampaignRow = typeof pingCampaigns.$inferSelect;

const DAY_MS = 86_400_000;
export const LINK_VALIDITY_MS = LINK_VALIDITY_DAYS * DAY_MS;
export const NOT_FOUND = "No ping test with this id.";

export function requireManager(user: Principal): void {
  if (!can(user, "pings.manage")) throw forbidden("Only the Secretariat runs ping tests.");
}

/** The contact points a selection reaches, as the directory is now; 400 naming an unknown Party. */
async function resolveSelection(tx: Tx, selection: PingSelection, path: string): Promise<PingableContactPoint[]> {
  for (const [i, iso2] of selection.parties.entries()) {
    if (!(await findPartyByIso2(tx, iso2))) {
      throw badRequest("unknown_party", `No Party with the code ${iso2}.`, [
        { path: `${path}.parties.${i}`, message: "Unknown Party" },
      ]);
    }
  }
  return (await pingableContactPoints(tx)).filter(
    (cp) =>
      (selection.parties.length === 0 || selection.parties.includes(cp.iso2)) &&
      (selection.types.length === 0 || selection.types.includes(cp.type)) &&
      (selection.regions.length === 0 || selection.regions.includes(regionOf(cp.iso2))),
  );
}

function previewOf(points: readonly PingableContactPoint[]): PingPreview {
  return {
    parties: new Set(points.map((p) => p.iso2)).size,
    contactPoints: points.length,
    addresses: points.reduce((n, p) => n + p.emails.length, 0),
    withoutEmail: points.filter((p) => p.emails.length === 0).length,
  };
}

/** How many Parties, contact points and addresses a selection reaches now. */
export async function previewSelection(
  ctx: AppContext,
  user: Principal,
  selection: PingSelection,
): Promise<PingPreview> {
  requireManager(user);
  return ctx.db.tx(async (tx) => previewOf(await resolveSelection(tx, selection, "body")), actorOf(user));
}

/**
 * When the ping goes. A random window's moment is drawn here with the platform's cryptographic
 * generator, to the millisecond, so nobody can predict it (it is not shown before it fires).
 */
export function scheduledMoment(schedule: PingCampaignInput["schedule"], now: Date): Date {
  const latest = now.getTime() + MAX_SCHEDULE_DAYS * DAY_MS;
  const tooFar = (path: string) =>
    badRequest("schedule_too_far", `A ping test can be scheduled at most ${MAX_SCHEDULE_DAYS} days ahead.`, [
      { path, message: `At most ${MAX_SCHEDULE_DAYS} days ahead` },
    ]);
  if (schedule.mode === "now") return now;
  if (schedule.mode === "at") {
    const at = new Date(schedule.at);
    if (at.getTime() < now.getTime()) {
      throw badRequest("schedule_in_past", "The time to send the ping test has already passed.", [
        { path: "body.schedule.at", message: "Give a time in the future" },
      ]);
    }
    if (at.getTime() > latest) throw tooFar("body.schedule.at");
    return at;
  }
  const from = Math.max(Date.parse(schedule.from), now.getTime());
  const to = Date.parse(schedule.to);
  if (to - from < 60_000) {
    throw badRequest("window_in_past", "The window has passed, or less than a minute of it is left.", [
      { path: "body.schedule.to", message: "Give a window that ends in the future" },
    ]);
  }
  if (to > latest) throw tooFar("body.schedule.to");
  return new Date(from + randomInt(0, to - from));
}

/** Creates a campaign; "now" fires it in the same transaction. Refused when it reaches nobody. */
export async function createCampaign(
  ctx: AppContext,
  user: Principal,
  input: PingCampaignInput,
  meta: RequestMeta,
): Promise<string> {
  requireManager(user);
  const now = ctx.clock.now();
  const scheduledAt = scheduledMoment(input.schedule, now);
  return ctx.db.tx(async (tx) => {
    const points = await resolveSelection(tx, input.selection, "body.selection");
    if (points.length === 0) {
      throw badRequest("no_recipients", "This selection reaches no contact point: a ping test needs at least one.", [
        { path: "body.selection", message: "No contact point matches" },
      ]);
    }
    const [row] = await tx
      .insert(pingCampaigns)
      .values({
        title: input.title,
        selection: input.selection,
        mode: input.schedule.mode,
        windowFrom: input.schedule.mode === "window" ? new Date(input.schedule.from) : null,
        windowTo: input.schedule.mode === "window" ? new Date(input.schedule.to) : null,
        scheduledAt,
        reminderMinutes: input.reminderMinutes,
        bucketsMinutes: input.buckets,
        createdBy: "email" in user ? user.id : null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("campaign not written");
    await appendAudit(tx, now, auditWho(user, meta), {
      action: "ping.created",
      targetType: "ping_campaign",
      targetId: row.id,
      // The drawn moment of a window is not written where the Secretariat could read it early.
      details: { mode: row.mode, contactPoints: points.length, reminders: row.reminderMinutes },
    });
    if (row.mode === "now") await fire(ctx, tx, row, now);
    else await ctx.jobs?.enqueue(tx, pingCheckJob, { campaignId: row.id }, { startAfter: scheduledAt });
    return row.id;
  }, actorOf(user));
}

/** The expiry as the e-mail states it: "2026-12-09 03:40" (UTC). */
const expiryText = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

/** Sends the ping: a target per contact point (as the directory is now), a link per address. */
async function fire(ctx: AppContext, tx: Tx, campaign: CampaignRow, at: Date): Promise<void> {
  const points = await resolveSelection(tx, campaign.selection, "selection");
  if (points.length === 0) {
    // The directory changed since it was scheduled: nothing to ping. Closed, and said so.
    await tx
      .update(pingCampaigns)
      .set({ status: "closed", firedAt: at, closedAt: at })
      .where(eq(pingCampaigns.id, campaign.id));
    ctx.log.warn({ campaignId: campaign.id }, "ping test reached no contact point when it fired: closed");
    return;
  }
  const expiresAt = new Date(at.getTime() + LINK_VALIDITY_MS);
  const mail = emailOn(ctx).email;
  // Multi-row inserts, a thousand at a time: a ping of the whole Network is 10,000 targets,
  // as many links and messages, and must leave in seconds.
  const CHUNK = 1000;
  const targetOf = new Map<string, string>();
  for (let i = 0; i < points.length; i += CHUNK) {
    const rows = await tx
      .insert(pingTargets)
      .values(
        points.slice(i, i + CHUNK).map((cp) => ({
          campaignId: campaign.id,
          partyId: cp.partyId,
          partyIso2: cp.iso2,
          partyNameEn: cp.nameEn,
          partyNameFr: cp.nameFr,
          contactPointId: cp.contactPointId,
          institution: cp.institution,
          type: cp.type,
          timeZone: cp.timeZone,
        })),
      )
      .returning({ id: pingTargets.id, contactPointId: pingTargets.contactPointId });
    for (const r of rows) if (r.contactPointId) targetOf.set(r.contactPointId, r.id);
  }
  const recipients = points.flatMap((cp) =>
    cp.emails.map((address) => {
      const id = randomUUID();
      const token = randomToken();
      const targetId = targetOf.get(cp.contactPointId);
      if (!targetId) throw new Error("target not written");
      return { id, targetId, address, token, languages: cp.languages };
    }),
  );
  for (let i = 0; i < recipients.length; i += CHUNK) {
    await tx.insert(pingRecipients).values(
      recipients.slice(i, i + CHUNK).map((r) => ({
        id: r.id,
        campaignId: campaign.id,
        targetId: r.targetId,
        address: r.address,
        tokenHash: sha256(r.token),
        tokenSealed: seal(ctx.keyring, Buffer.from(r.token, "utf8"), r.id),
        expiresAt,
      })),
    );
  }
  if (mail) {
    await enqueueEmails(
      tx,
      recipients.map((r) => pingMessage(r.id, r.address, r.token, r.languages, expiresAt, 0)),
      at,
    );
  }
  // The Parties' officers and admins see it in Vigil at once (in-app: the e-mail is the mailbox's).
  for (const partyId of new Set(points.map((p) => p.partyId))) {
    await notify(tx, { partyId, roles: ["officer", "party_admin"] }, { kind: "ping.received", link: "/pings" }, at, {
      email: false,
    });
  }
  await tx.update(pingCampaigns).set({ status: "running", firedAt: at }).where(eq(pingCampaigns.id, campaign.id));
  for (const minutes of campaign.reminderMinutes) {
    await ctx.jobs?.enqueue(
      tx,
      pingCheckJob,
      { campaignId: campaign.id },
      { startAfter: new Date(at.getTime() + minutes * 60_000) },
    );
  }
  await ctx.jobs?.enqueue(tx, pingCheckJob, { campaignId: campaign.id }, { startAfter: expiresAt });
  await publishProgress(tx, campaign.id, at);
}

/** The outbox row of one ping message (the first, or reminder n) to one address. */
function pingMessage(
  recipientId: string,
  address: string,
  token: string,
  languages: readonly string[],
  expiresAt: Date,
  reminder: number,
): { userId: null; payload: EmailPayload; key: string } {
  // A mailbox has no account and no language setting: French when it is the contact point's first.
  const locale = languages[0] === "fr" ? "fr" : "en";
  return {
    userId: null,
    payload: {
      to: address,
      locale,
      kind: "ping.acknowledge",
      params: { reminder: reminder > 0 ? 1 : 0, expires: expiryText(expiresAt) },
      link: `/ping/${token}`,
      secretLink: true,
    },
    key: pingMessageKey(recipientId, reminder),
  };
}

/**
 * Whatever is due for one campaign: fire it, send the reminders whose time has come (one
 * message however many came due while nobody looked), close it when its links have expired.
 */
export async function checkCampaign(
  ctx: AppContext,
  campaignId: string,
): Promise<{ fired: boolean; reminded: number; closed: boolean }> {
  const now = ctx.clock.now();
  const result = { fired: false, reminded: 0, closed: false };
  await ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(pingCampaigns).where(eq(pingCampaigns.id, campaignId)).for("update");
    if (!row || row.status === "closed") return;
    if (row.status === "scheduled") {
      if (row.scheduledAt > now) return;
      await fire(ctx, tx, row, now);
      result.fired = true;
      return;
    }
    const firedAt = row.firedAt ?? row.scheduledAt;
    if (now.getTime() >= firedAt.getTime() + LINK_VALIDITY_MS) {
      await tx.update(pingCampaigns).set({ status: "closed", closedAt: now }).where(eq(pingCampaigns.id, row.id));
      result.closed = true;
      await publishProgress(tx, row.id, now);
      return;
    }
    const passed = row.reminderMinutes.filter((m) => firedAt.getTime() + m * 60_000 <= now.getTime()).length;
    if (passed <= row.remindersSent) return;
    result.reminded = await remind(ctx, tx, row, passed, now);
    await tx.update(pingCampaigns).set({ remindersSent: passed }).where(eq(pingCampaigns.id, row.id));
  }, SYSTEM_ACTOR);
  return result;
}

/** Reminder number `n` to every contact point that has not answered: the same link, again. */
async function remind(ctx: AppContext, tx: Tx, campaign: CampaignRow, n: number, at: Date): Promise<number> {
  const silent = await tx
    .select()
    .from(pingTargets)
    .where(and(eq(pingTargets.campaignId, campaign.id), isNull(pingTargets.acknowledgedAt)));
  if (silent.length === 0) return 0;
  const recipients = await tx
    .select()
    .from(pingRecipients)
    .where(
      and(
        inArray(
          pingRecipients.targetId,
          silent.map((t) => t.id),
        ),
        isNull(pingRecipients.failedAt),
      ),
    );
  const languagesOf = new Map((await pingableContactPoints(tx)).map((cp) => [cp.contactPointId, cp.languages]));
  if (emailOn(ctx).email) {
    const targetOf = new Map(silent.map((t) => [t.id, t]));
    const messages = recipients.flatMap((r) => {
      if (!r.tokenSealed) return [];
      // Drivers return bytea as a Uint8Array or a Buffer.
      const token = open(ctx.keyring, Buffer.from(r.tokenSealed), r.id).toString("utf8");
      const target = targetOf.get(r.targetId);
      const languages = (target?.contactPointId && languagesOf.get(target.contactPointId)) || [];
      return [pingMessage(r.id, r.address, token, languages, r.expiresAt, n)];
    });
    await enqueueEmails(tx, messages, at);
  }
  for (const partyId of new Set(silent.map((t) => t.partyId))) {
    await notify(
      tx,
      { partyId, roles: ["officer", "party_admin"] },
      { kind: "ping.received", params: { reminder: n }, link: "/pings" },
      at,
      { email: false },
    );
  }
  ctx.log.info({ campaignId: campaign.id, reminder: n, contactPoints: silent.length }, "ping test reminder sent");
  return silent.length;
}

/** The minute sweep: every campaign with something due (the safety net under the delayed jobs). */
export async function sweepPings(ctx: AppContext): Promise<{ fired: number; reminded: number; closed: number }> {
  const now = ctx.clock.now();
  const ids = await ctx.db.tx(async (tx) => {
    const rows = await tx
      .select({ id: pingCampaigns.id })
      .from(pingCampaigns)
      .where(
        sql`(${pingCampaigns.status} = 'scheduled' and ${pingCampaigns.scheduledAt} <= ${now.toISOString()}::timestamptz)
            or (${pingCampaigns.status} = 'running' and (
              ${pingCampaigns.firedAt} <= ${new Date(now.getTime() - LINK_VALIDITY_MS).toISOString()}::timestamptz
              or exists (select 1 from unnest(${pingCampaigns.reminderMinutes}) with ordinality m(minutes, n)
                         where m.n > ${pingCampaigns.remindersSent}
                           and ${pingCampaigns.firedAt} + m.minutes * interval '1 minute' <= ${now.toISOString()}::timestamptz)))`,
      )
      .orderBy(asc(pingCampaigns.scheduledAt));
    return rows.map((r) => r.id);
  }, SYSTEM_ACTOR);
  const total = { fired: 0, reminded: 0, closed: 0 };
  for (const id of ids) {
    const r = await checkCampaign(ctx, id);
    total.fired += r.fired ? 1 : 0;
    total.reminded += r.reminded;
    total.closed += r.closed ? 1 : 0;
  }
  return total;
}

/** Closes a campaign: its links stop working (they say so) and the report is final. */
export async function closeCampaign(ctx: AppContext, user: Principal, id: string, meta: RequestMeta): Promise<void> {
  requireManager(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(pingCampaigns).where(eq(pingCampaigns.id, id)).for("update");
    if (!row) throw notFound(NOT_FOUND);
    if (row.status === "closed") throw conflict("ping_closed", "This ping test is already closed.");
    await tx.update(pingCampaigns).set({ status: "closed", closedAt: at }).where(eq(pingCampaigns.id, row.id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "ping.closed",
      targetType: "ping_campaign",
      targetId: row.id,
      details: { fired: row.firedAt !== null },
    });
    await publishProgress(tx, row.id, at);
  }, actorOf(user));
}
