import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type {
  PingCampaign,
  PingCampaignList,
  PingPartyHistory,
  PingProgress,
  PingReport,
  PingTrend,
} from "../../shared/pings";
import type { Principal } from "../auth/principal";
import { users } from "../auth/tables";
import type { AppContext } from "../context";
import type { Tx } from "../db/database";
import { requireParty } from "../directory/entries";
import { notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { type CampaignRow, NOT_FOUND, requireManager } from "./campaigns";
import { computeReport, localTime, type ReportTarget } from "./report";
import { pingCampaigns, pingRecipients, pingTargets } from "./tables";

/*
 * What the Secretariat reads: campaigns with their live counters, a campaign's report (the pure
 * computeReport over the stored facts), a Party's history and the Network's trend.
 */

type TargetRow = typeof pingTargets.$inferSelect;

async function progressOf(tx: Tx, ids: string[]): Promise<Map<string, PingProgress>> {
  const out = new Map<string, PingProgress>();
  if (ids.length === 0) return out;
  const targets = await tx
    .select({
      campaignId: pingTargets.campaignId,
      contactPoints: count(),
      parties: sql<number>`count(distinct ${pingTargets.partyId})::int`,
      acknowledged: sql<number>`count(${pingTargets.acknowledgedAt})::int`,
      acknowledgedParties: sql<number>`count(distinct ${pingTargets.partyId}) filter (where ${pingTargets.acknowledgedAt} is not null)::int`,
    })
    .from(pingTargets)
    .where(inArray(pingTargets.campaignId, ids))
    .groupBy(pingTargets.campaignId);
  const messages = await tx
    .select({
      campaignId: pingRecipients.campaignId,
      sent: count(),
      delivered: sql<number>`count(${pingRecipients.deliveredAt})::int`,
      failed: sql<number>`count(${pingRecipients.failedAt})::int`,
    })
    .from(pingRecipients)
    .where(inArray(pingRecipients.campaignId, ids))
    .groupBy(pingRecipients.campaignId);
  for (const id of ids) {
    const t = targets.find((r) => r.campaignId === id);
    const m = messages.find((r) => r.campaignId === id);
    out.set(id, {
      parties: t?.parties ?? 0,
      contactPoints: t?.contactPoints ?? 0,
      sent: m?.sent ?? 0,
      delivered: m?.delivered ?? 0,
      failed: m?.failed ?? 0,
      acknowledgedContactPoints: t?.acknowledged ?? 0,
      acknowledgedParties: t?.acknowledgedParties ?? 0,
    });
  }
  return out;
}

function present(row: CampaignRow, createdBy: string | null, progress: PingProgress): PingCampaign {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    mode: row.mode,
    windowFrom: row.windowFrom?.toISOString() ?? null,
    windowTo: row.windowTo?.toISOString() ?? null,
    // A random window's moment stays secret until the ping has gone.
    scheduledAt: row.mode === "window" && !row.firedAt ? null : row.scheduledAt.toISOString(),
    firedAt: row.firedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    selection: row.selection,
    reminderMinutes: row.reminderMinutes,
    remindersSent: row.remindersSent,
    buckets: row.bucketsMinutes,
    createdAt: row.createdAt.toISOString(),
    createdBy: createdBy ?? "—",
    progress,
  };
}

async function presentAll(tx: Tx, rows: { campaign: CampaignRow; createdBy: string | null }[]) {
  const progress = await progressOf(
    tx,
    rows.map((r) => r.campaign.id),
  );
  return rows.map((r) => present(r.campaign, r.createdBy, progress.get(r.campaign.id) as PingProgress));
}

const withCreator = (tx: Tx) =>
  tx
    .select({ campaign: pingCampaigns, createdBy: users.displayName })
    .from(pingCampaigns)
    .leftJoin(users, eq(users.id, pingCampaigns.createdBy));

export async function listCampaigns(ctx: AppContext, user: Principal): Promise<PingCampaignList> {
  requireManager(user);
  return ctx.db.tx(
    async (tx) => ({ items: await presentAll(tx, await withCreator(tx).orderBy(desc(pingCampaigns.createdAt))) }),
    actorOf(user),
  );
}

async function campaignOrNotFound(tx: Tx, id: string) {
  const [row] = await withCreator(tx).where(eq(pingCampaigns.id, id));
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function readCampaign(ctx: AppContext, user: Principal, id: string): Promise<PingCampaign> {
  requireManager(user);
  return ctx.db.tx(async (tx) => {
    const [c] = await presentAll(tx, [await campaignOrNotFound(tx, id)]);
    return c as PingCampaign;
  }, actorOf(user));
}

const asReportTarget = (t: TargetRow): ReportTarget => ({
  targetId: t.id,
  party: t.partyIso2,
  partyNameEn: t.partyNameEn,
  partyNameFr: t.partyNameFr,
  handedOverAt: t.handedOverAt,
  acknowledgedAt: t.acknowledgedAt,
  via: t.via,
});

/** The report of one campaign: the table by Party and by contact point, who did not answer, the details. */
export async function campaignReport(ctx: AppContext, user: Principal, id: string): Promise<PingReport> {
  requireManager(user);
  return ctx.db.tx(async (tx) => {
    const row = await campaignOrNotFound(tx, id);
    const [campaign] = await presentAll(tx, [row]);
    const targets = await tx
      .select()
      .from(pingTargets)
      .where(eq(pingTargets.campaignId, id))
      .orderBy(asc(pingTargets.partyIso2), asc(pingTargets.institution));
    const firedAt = row.campaign.firedAt ?? row.campaign.scheduledAt;
    const report = computeReport(targets.map(asReportTarget), firedAt, row.campaign.bucketsMinutes);
    return {
      campaign: campaign as PingCampaign,
      parties: report.parties,
      contactPoints: report.contactPoints,
      partyResults: report.partyResults,
      nonResponders: report.nonResponders,
      contactPointResults: targets.map((t) => {
        const arrival = t.handedOverAt ?? row.campaign.firedAt;
        return {
          targetId: t.id,
          party: t.partyIso2,
          partyNameEn: t.partyNameEn,
          partyNameFr: t.partyNameFr,
          institution: t.institution,
          type: t.type,
          timeZone: t.timeZone,
          handedOverAt: t.handedOverAt?.toISOString() ?? null,
          localArrival: arrival ? localTime(arrival, t.timeZone) : null,
          acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
          responseSeconds: report.seconds.get(t.id) ?? null,
          via: t.via,
          answeredBy: t.answeredBy,
          note: t.note,
        };
      }),
    };
  }, actorOf(user));
}

/** Sent campaigns, oldest first, with their targets: what history and trend are computed from. */
async function firedCampaigns(tx: Tx, partyId?: string) {
  const campaigns = await tx
    .select()
    .from(pingCampaigns)
    .where(isNotNull(pingCampaigns.firedAt))
    .orderBy(asc(pingCampaigns.firedAt));
  if (campaigns.length === 0) return [];
  const targets = await tx
    .select()
    .from(pingTargets)
    .where(
      and(
        inArray(
          pingTargets.campaignId,
          campaigns.map((c) => c.id),
        ),
        partyId ? eq(pingTargets.partyId, partyId) : undefined,
      ),
    );
  return campaigns
    .map((c) => ({ campaign: c, targets: targets.filter((t) => t.campaignId === c.id) }))
    .filter((c) => c.targets.length > 0);
}

/** One Party across campaigns, newest first: who improves, who needs capacity building. */
export async function partyHistory(ctx: AppContext, user: Principal, iso2: string): Promise<PingPartyHistory> {
  requireManager(user);
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, iso2);
    const items = (await firedCampaigns(tx, party.id)).map(({ campaign, targets }) => {
      const r = computeReport(targets.map(asReportTarget), campaign.firedAt as Date, campaign.bucketsMinutes);
      return {
        campaignId: campaign.id,
        title: campaign.title,
        firedAt: (campaign.firedAt as Date).toISOString(),
        responseSeconds: r.partyResults[0]?.responseSeconds ?? null,
        contactPoints: targets.length,
        answeredContactPoints: r.contactPoints.answered,
      };
    });
    return { party: party.iso2, nameEn: party.nameEn, nameFr: party.nameFr, items: items.reverse() };
  }, actorOf(user));
}

/**
 * The Network across campaigns, oldest first. Each campaign is counted with the default rows of
 * the latest campaign, so that the lines compare like with like.
 */
export async function networkTrend(ctx: AppContext, user: Principal): Promise<PingTrend> {
  requireManager(user);
  return ctx.db.tx(async (tx) => {
    const fired = await firedCampaigns(tx);
    const buckets = fired.at(-1)?.campaign.bucketsMinutes ?? [];
    return {
      items: fired.map(({ campaign, targets }) => {
        const r = computeReport(targets.map(asReportTarget), campaign.firedAt as Date, buckets);
        return {
          campaignId: campaign.id,
          title: campaign.title,
          firedAt: (campaign.firedAt as Date).toISOString(),
          parties: r.parties.total,
          answered: r.parties.answered,
          rows: r.parties.rows,
        };
      }),
    };
  }, actorOf(user));
}
