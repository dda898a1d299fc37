import { and, asc, desc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { PingReportRow } from "../../shared/pings";
import type { Tx } from "../db/database";
import { computeReport, type ReportTarget } from "./report";
import { pingCampaigns, pingTargets } from "./tables";

/*
 * The ping tests' figures for the plenary report and the statistics page: the Parties' table of
 * a campaign (computeReport, as on the campaign's own report), numbers only.
 */

type TargetRow = typeof pingTargets.$inferSelect;
const asTarget = (t: TargetRow): ReportTarget => ({
  targetId: t.id,
  party: t.partyIso2,
  partyNameEn: t.partyNameEn,
  partyNameFr: t.partyNameFr,
  handedOverAt: t.handedOverAt,
  acknowledgedAt: t.acknowledgedAt,
  via: t.via,
});

export type PingTable = {
  title: string;
  firedAt: Date;
  parties: number;
  rows: PingReportRow[];
  unanswered: number;
  answered: number;
};

function tableOf(campaign: typeof pingCampaigns.$inferSelect, targets: TargetRow[]): PingTable {
  const firedAt = campaign.firedAt as Date;
  const r = computeReport(targets.map(asTarget), firedAt, campaign.bucketsMinutes);
  return {
    title: campaign.title,
    firedAt,
    parties: r.parties.total,
    rows: r.parties.rows,
    unanswered: r.parties.unanswered,
    answered: r.parties.answered,
  };
}

/** The Parties' table of the latest ping test sent before `end`, or null when none was. */
export async function latestPingTable(tx: Tx, end: Date): Promise<PingTable | null> {
  const [campaign] = await tx
    .select()
    .from(pingCampaigns)
    .where(and(isNotNull(pingCampaigns.firedAt), lt(pingCampaigns.firedAt, end)))
    .orderBy(desc(pingCampaigns.firedAt))
    .limit(1);
  if (!campaign) return null;
  const targets = await tx.select().from(pingTargets).where(eq(pingTargets.campaignId, campaign.id));
  return tableOf(campaign, targets);
}

/** Every sent ping test's Parties' table, oldest first (the results over time). */
export async function pingTables(tx: Tx): Promise<PingTable[]> {
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
      inArray(
        pingTargets.campaignId,
        campaigns.map((c) => c.id),
      ),
    );
  return campaigns
    .map((c) =>
      tableOf(
        c,
        targets.filter((t) => t.campaignId === c.id),
      ),
    )
    .filter((t) => t.parties > 0);
}
