import { desc, eq, sql } from "drizzle-orm";
import type { CampaignInput, CampaignSummary, CollectionProgress } from "../../shared/authorities";
import { appendAudit } from "../audit/log";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { conflict, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { requireManager } from "./authorities";
import { type PartyEntry, readAuthorityEntries } from "./entries";
import { authorityCampaignParties, authorityCampaigns } from "./tables";

/*
 * The collection campaign (journey 5): the Secretariat asks every Party that has not answered, or
 * left counted fields empty, to fill in the form; each one's admins and officers are told in Vigil
 * and by e-mail through the outbox (who asks and the link, no data). Reminders go to the Parties
 * of the campaign that still miss something. Progress is read live from the answers.
 */

type CampaignRow = typeof authorityCampaigns.$inferSelect;

async function tell(ctx: AppContext, tx: Tx, e: PartyEntry, at: Date, dueOn: string | null, reminder: boolean) {
  return notify(
    tx,
    { partyId: e.partyId, roles: ["party_admin", "officer"] },
    {
      kind: "authorities.input_requested",
      params: { party: e.iso2, dueOn, reminder: reminder ? 1 : 0, missing: e.missing.length },
      link: `/authorities/parties/${e.iso2}/edit`,
    },
    at,
    emailOn(ctx),
  );
}

export async function startCampaign(
  ctx: AppContext,
  user: Principal,
  input: CampaignInput,
  meta: RequestMeta,
): Promise<CollectionProgress> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const targets = (await readAuthorityEntries(tx)).filter((e) => e.missing.length > 0);
    if (targets.length === 0) throw conflict("nothing_to_ask", "Every Party has given all its authorities.");
    const [campaign] = await tx
      .insert(authorityCampaigns)
      .values({ startedAt: at, startedBy: "email" in user ? user.id : null, dueOn: input.dueOn })
      .returning();
    if (!campaign) throw new Error("campaign not written");
    let recipients = 0;
    for (const e of targets) {
      await tx
        .insert(authorityCampaignParties)
        .values({ campaignId: campaign.id, partyId: e.partyId, missingWhenAsked: e.missing, askedAt: at });
      recipients += await tell(ctx, tx, e, at, input.dueOn, false);
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "authorities.campaign.started",
      targetType: "authority_campaign",
      targetId: campaign.id,
      details: { parties: targets.length, recipients, dueOn: input.dueOn },
    });
    return progressIn(tx);
  }, actorOf(user));
}

/** Reminds the campaign's Parties that still miss something; 409 when none does. */
export async function remindCampaign(
  ctx: AppContext,
  user: Principal,
  campaignId: string,
  meta: RequestMeta,
): Promise<{ parties: number; recipients: number; at: string }> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(authorityCampaigns)
      .where(eq(authorityCampaigns.id, campaignId))
      .for("update");
    if (!campaign) throw notFound("No collection campaign with this id.");
    const asked = new Set(
      (
        await tx
          .select({ partyId: authorityCampaignParties.partyId })
          .from(authorityCampaignParties)
          .where(eq(authorityCampaignParties.campaignId, campaign.id))
      ).map((r) => r.partyId),
    );
    const still = (await readAuthorityEntries(tx)).filter((e) => asked.has(e.partyId) && e.missing.length > 0);
    if (still.length === 0) throw conflict("nothing_to_remind", "Every Party asked has answered in full.");
    let recipients = 0;
    for (const e of still) {
      recipients += await tell(ctx, tx, e, at, campaign.dueOn, true);
      await tx
        .update(authorityCampaignParties)
        .set({ lastRemindedAt: at })
        .where(
          sql`${authorityCampaignParties.campaignId} = ${campaign.id} and ${authorityCampaignParties.partyId} = ${e.partyId}`,
        );
    }
    await tx
      .update(authorityCampaigns)
      .set({ lastReminderAt: at, reminders: sql`${authorityCampaigns.reminders} + 1` })
      .where(eq(authorityCampaigns.id, campaign.id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "authorities.campaign.reminded",
      targetType: "authority_campaign",
      targetId: campaign.id,
      details: { parties: still.length, recipients },
    });
    return { parties: still.length, recipients, at: at.toISOString() };
  }, actorOf(user));
}

async function summary(tx: Tx, campaign: CampaignRow, entries: PartyEntry[]): Promise<CampaignSummary> {
  const rows = await tx
    .select()
    .from(authorityCampaignParties)
    .where(eq(authorityCampaignParties.campaignId, campaign.id));
  const answeredAt = new Map(entries.map((e) => [e.partyId, e.submittedAt]));
  return {
    id: campaign.id,
    startedAt: campaign.startedAt.toISOString(),
    dueOn: campaign.dueOn,
    asked: rows.length,
    answered: rows.filter((r) => {
      const when = answeredAt.get(r.partyId);
      return when != null && when.getTime() >= r.askedAt.getTime();
    }).length,
    lastReminderAt: campaign.lastReminderAt?.toISOString() ?? null,
    reminders: campaign.reminders,
  };
}

async function progressIn(tx: Tx): Promise<CollectionProgress> {
  const entries = await readAuthorityEntries(tx);
  const [latest] = await tx.select().from(authorityCampaigns).orderBy(desc(authorityCampaigns.startedAt)).limit(1);
  return {
    provided: entries.filter((e) => e.submission !== null).length,
    total: entries.length,
    missing: entries
      .filter((e) => e.missing.length > 0)
      .map((e) => ({
        iso2: e.iso2,
        nameEn: e.nameEn,
        nameFr: e.nameFr,
        provided: e.submission !== null,
        fields: e.missing,
      })),
    campaign: latest ? await summary(tx, latest, entries) : null,
  };
}

/** The Secretariat's view: "N/M Parties provided input", what each Party misses, the latest campaign. */
export async function collectionProgress(ctx: AppContext, user: Principal): Promise<CollectionProgress> {
  requireManager(user);
  return ctx.db.tx((tx) => progressIn(tx), actorOf(user));
}
